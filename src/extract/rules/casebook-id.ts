import type { Rule } from "../context.js";

const MARKER = /【[^】\n]{0,40}#\s*(\d{4})\s*-\s*(\d{1,4})\s*】/;

/** The casebook number a blog heading carries: 【セキュリティ事件簿#2024-046】 → 2024-046. */
export const casebookIdRule: Rule<"casebook_id"> = {
  field: "casebook_id",
  heuristics: ["casebook_id/heading"],
  run(ctx) {
    const m = MARKER.exec(ctx.title);
    const at = m ? ctx.text.indexOf(m[0]) : -1;
    if (!m || at < 0) return [];
    return [ctx.find("casebook_id", `${m[1]}-${m[2]!.padStart(3, "0")}`, at, at + m[0].length, 1, "casebook_id/heading")];
  },
};
