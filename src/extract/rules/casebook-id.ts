import type { Rule } from "../context.js";

const MARKER = /【[^】\n]{0,40}#\s*(\d{4})\s*-\s*(\d{1,4})\s*】/;

/** The casebook number a blog heading carries: 【セキュリティ事件簿#2024-046】 → 2024-046. */
export const casebookIdRule: Rule<"casebook_id"> = {
  field: "casebook_id",
  run(ctx) {
    const m = MARKER.exec(ctx.title);
    if (!m) return { value: null, confidence: 0 };
    const at = ctx.text.indexOf(m[0]);
    if (at >= 0) ctx.find("casebook_id", `${m[1]}-${m[2]}`, at, at + m[0].length, 1, "casebook_id/heading");
    return { value: `${m[1]}-${m[2]!.padStart(3, "0")}`, confidence: 1 };
  },
};
