import { synthetic } from "../bench/generate.js";
import { makeDocument } from "../src/core/document.js";
import { openDocument } from "../src/core/pipeline.js";
import * as seg from "../src/segment/index.js";
const counts = new Map<string, number>();
for (let i = 0; i < 300; i++) {
  for (const cf of await openDocument(makeDocument(Buffer.from(synthetic(i).text), { source: "x" }))) {
    seg.segment(cf);
    const why = cf.messages.find((m) => m.code === "layout")?.text ?? "";
    const k = why.slice(0, 80);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
}
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 10));
