import type { Finding } from "../../core/types.js";
import type { Rule } from "../context.js";
import { linesOf } from "../scan.js";

const HEADER = /再発防止|今後の対策|対策|改善策|防止策/;
const NEXT_HEADER = /^\s*(?:\d+\s*[.．、)]\s*\S|[①-⑳]\s?「|【|■|□(?!再発)|◆|第.[章節])/;

/** Recurrence-prevention measures (再発防止策) listed by the notice. */
export const measuresRule: Rule<"measures"> = {
  field: "measures",
  heuristics: ["measures/listed"],
  run(ctx) {
    const lines = linesOf(ctx.text);
    const out: Finding[] = [];
    for (let i = 0; i < lines.length && out.length < 12; i++) {
      const h = lines[i]!.text.trim();
      if (h.length > 40 || !HEADER.test(h) || lines[i]!.start < ctx.titleEnd) continue;
      for (let j = i + 1; j < lines.length && out.length < 12; j++) {
        const l = lines[j]!;
        const t = l.text.trim();
        if (t === "") continue;
        if (NEXT_HEADER.test(t) && !HEADER.test(t)) break;
        const item = t.replace(/^[・･○●◦•\-*\s]+/, "");
        if (item.length < 6 || item.length > 160 || !/^[・･○●◦•\-*]/.test(t) && !/(?:強化|徹底|導入|見直し|実施|検討|構築|分離|適用|教育|点検|監視|制限|管理)/.test(item)) continue;
        const start = l.start + l.text.indexOf(item);
        if (out.some((f) => f.value === item)) continue;
        out.push(ctx.find("measures", item, start, start + item.length, 0.6, "measures/listed"));
      }
    }
    return out;
  },
};
