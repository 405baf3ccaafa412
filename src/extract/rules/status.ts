import type { Status } from "../../core/types.js";
import type { Rule } from "../context.js";
import { hits } from "../scan.js";

const INVESTIGATING = /調査中|調査を(?:進め|継続|実施中|行っ|依頼)|引き続き(?:調査|確認)|確認中|判明次第|決定次第|現在も|今後の調査|調査結果を踏まえ|全容解明|詳細は(?:現在)?調査|未定|対応中|復旧作業|時間を要する|捜査|改めて(?:報告|お知らせ)|順次|一部確認中|状況が変動/g;
const RESOLVED = /対応(?:も|は)?完了|完了いたしました|復旧しました|復旧いたしました|再開しました|再開いたしました|を再開|解決しました|回収(?:済|しました|いたしました)|原因は既に特定|措置を完了|終息/g;

/** Whether the organisation is still investigating or says the matter is closed. */
export const statusRule: Rule<"status"> = {
  field: "status",
  heuristics: ["status/investigating", "status/resolved"],
  run(ctx) {
    const inv = hits(INVESTIGATING, ctx.reading);
    const res = hits(RESOLVED, ctx.reading);
    if (inv.length === 0 && res.length === 0) return [];
    // The later statement wins: an update that says "recovered" closes what the notice opened.
    const lastInv = inv.at(-1)?.start ?? -1;
    const lastRes = res.at(-1)?.start ?? -1;
    const value: Status = lastRes > lastInv ? "resolved" : "investigating";
    const h = value === "resolved" ? res.at(-1)! : inv.at(-1)!;
    return [ctx.find("status", value, h.start, h.end, 0.6, `status/${value}`)];
  },
};
