// Every analysed casefile of the real corpus, seeds and 300 synthetic notices, as JSON lines (for refactor diffs).
import { readFileSync, readdirSync } from "node:fs";
import { synthetic } from "../bench/generate.js";
import { makeDocument } from "../src/core/document.js";
import { analyse, openDocument } from "../src/core/pipeline.js";
const out: string[] = [];
const dirs = ["/work/shared/corpus/real/raw/", "/work/shared/corpus/seeds/"];
const docs = dirs.flatMap((dir) => readdirSync(dir).sort().map((f) => makeDocument(readFileSync(dir + f), { source: f })));
for (let i = 0; i < 300; i++) docs.push(makeDocument(Buffer.from(synthetic(i).text), { source: "s" + i }));
for (const d of docs) for (const cf of await openDocument(d)) { analyse(cf); out.push(JSON.stringify(cf.notices)); }
process.stdout.write(out.join("\n") + "\n");
