// The speed probe over the compiled dist/ (line numbers in profiles point at real functions).
import { readFileSync, readdirSync } from "node:fs";
import { synthetic } from "../bench/generate.js";
const { makeDocument } = await import("../dist/core/document.js");
const { analyse, openDocument } = await import("../dist/core/pipeline.js");
const N = Number(process.argv[2] ?? 3000);
const docs = Array.from({ length: N }, (_, i) => makeDocument(Buffer.from(synthetic(i).text), { source: "x" }));
const dir = "/work/shared/corpus/real/raw/";
const real = readdirSync(dir).map((f) => makeDocument(readFileSync(dir + f), { source: f }));
async function pass(list: typeof docs) { for (const d of list) for (const cf of await openDocument(d)) analyse(cf); }
await pass(docs.slice(0, 300)); await pass(real);
for (let round = 0; round < 3; round++) {
  let c = process.cpuUsage();
  await pass(docs);
  let u = process.cpuUsage(c);
  const synth = N / ((u.user + u.system) / 1e6);
  c = process.cpuUsage();
  for (let k = 0; k < 5; k++) await pass(real);
  u = process.cpuUsage(c);
  console.log(`synthetic ${synth.toFixed(0)} notices/cpu-s; real ${(5 * real.length / ((u.user + u.system) / 1e6)).toFixed(0)} texts/cpu-s`);
}
