// Scores extraction end to end with the shared scorer, running the pipeline in-process (what
// `jikenbo extract --json` prints, file by file): `eval.ts dev` on ../shared/corpus/seeds, `eval.ts real`
// on ../shared/corpus/real. `--half 1|2` keeps one half of the real corpus (1: a*, odd c*, odd d*;
// 2: b*, even c*, even d*) so that rules tuned on one half are measured on the other. `--out DIR` keeps
// the predictions. `--as html|news|feed|copied|pdf|wrapped|fullwidth|crlf|untitled|markdown` re-writes each text in that form first (bench/forms.ts).
// Every other option (--verbose, --json) goes to the scorer.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeDocument } from "../src/core/document.js";
import { runPipeline } from "../src/core/pipeline.js";
import { extractReport } from "../src/extract/report.js";
import { readFileInput } from "../src/ingest/readers/file.js";
import { isFailure } from "../src/ingest/readers/index.js";
import { FORMS } from "./forms.js";
import { halfOf } from "./halves.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = join(root, "..", "shared", "corpus");
const args = process.argv.slice(2);
const set = args.shift() ?? "dev";
const half = option("--half");
const form = option("--as");
if (form !== undefined && !FORMS[form]) throw new Error(`--as takes ${Object.keys(FORMS).join(", ")} (got ${form})`);
const pred = option("--out") ?? mkdtempSync(join(tmpdir(), "jikenbo-pred-"));
mkdirSync(pred, { recursive: true });
const raw = set === "real" ? join(corpus, "real", "raw") : (process.env.JIKENBO_SEEDS ?? join(corpus, "seeds"));
const goldDir = set === "real" ? join(corpus, "real", "gold") : (process.env.JIKENBO_GOLD ?? join(corpus, "gold"));

/** Take `--name value` out of the arguments. */
function option(name: string): string | undefined {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, 2)[1];
}

const stems = readdirSync(raw).filter((n) => !n.startsWith(".")).sort()
  .map((n) => ({ file: n, stem: n.replace(/\.[^.]+$/, "") }))
  .filter(({ stem }) => !half || halfOf(stem) === Number(half));
const gold = half ? mkdtempSync(join(tmpdir(), "jikenbo-gold-")) : goldDir;
for (const { file, stem } of stems) {
  const written = form ? FORMS[form]!(readFileSync(join(raw, file), "utf8")) : null;
  const doc = written ? makeDocument(written.bytes, { source: `${stem}.${written.ext}` }) : await readFileInput(join(raw, file), 64 << 20);
  if (isFailure(doc)) throw new Error(`${file}: ${doc.error}`);
  writeFileSync(join(pred, `${stem}.json`), JSON.stringify(extractReport(await runPipeline(doc)), null, 1));
  if (half) copyFileSync(join(goldDir, `${stem}.json`), join(gold, `${stem}.json`));
}
process.stdout.write(execFileSync(process.execPath, [join(corpus, "..", "eval", "score.mjs"), gold, pred, ...args], { maxBuffer: 64 << 20 }));
