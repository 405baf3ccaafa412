// Fits the confidence of each heuristic to how often it is right on ../shared/corpus/real, and writes the
// table src/extract/calibration-table.ts (with --write). A heuristic's confidence becomes its measured
// precision, shrunk towards its field's when it was seen only a few times, and never certain.
//
// The corpus is read as it is and in the forms users' documents come in (bench/forms.ts: a web page, a
// feed item, a copied page, a printed PDF, a wrapped text, a text without its headline): the rules were
// tuned on these texts as they are, and a heuristic's precision there alone promises more than it keeps
// on documents it has never seen.
//
// Honest figures: the table fitted on one half of the corpus is measured on the other (cross-half ECE),
// as well as in-sample; over the corpus in all its forms. Matching of predictions to gold follows ../shared/eval/score.mjs.
//   node --import tsx bench/calibrate.ts [--write]
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runPipeline } from "../src/core/pipeline.js";
import type { Casefile, Finding, IncidentFields } from "../src/core/types.js";
import { readFileInput } from "../src/ingest/readers/file.js";
import { isFailure } from "../src/ingest/readers/index.js";
import { makeDocument } from "../src/core/document.js";
import { FORMS } from "./forms.js";
import { halfOf } from "./halves.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const real = join(root, "..", "shared", "corpus", "real");
const TABLE = join(root, "src", "extract", "calibration-table.ts");
const SCALARS = ["organization", "disclosed_on", "discovered_on", "affected_count", "sector"] as const;
const SETS = ["incident_types", "data_types", "reported_to", "indicators"] as const;
/** How many observations a field's precision is worth when shrinking a rarely seen heuristic towards it. */
const PRIOR_WEIGHT = 10;
/** The forms the corpus is read in besides its own (full-width digits and CRLF read as the text itself does). */
const READ_AS = ["html", "feed", "copied", "pdf", "wrapped", "untitled"] as const;

const LEGAL_FORMS = ["株式会社", "(株)", "有限会社", "合同会社", "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "国立大学法人", "公立大学法人", "学校法人",
  "医療法人社団", "医療法人財団", "医療法人", "社会福祉法人", "独立行政法人", "地方独立行政法人", "国立研究開発法人", "特定非営利活動法人", "NPO法人"];
const normText = (s: unknown) => String(s ?? "").normalize("NFKC").replace(/\s+/g, "").toLowerCase();
const normOrg = (s: unknown) => LEGAL_FORMS.reduce((t, f) => t.split(normText(f)).join(""), normText(s));
function orgMatch(a: unknown, b: unknown): boolean {
  const x = normOrg(a), y = normOrg(b);
  if (!x || !y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return x === y || (short.length >= 2 && long.includes(short));
}
function dice(a: string, b: string): number {
  const grams = (s: string) => { const t = normText(s); const out = new Set<string>(); for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2)); return out; };
  const x = grams(a), y = grams(b);
  if (!x.size || !y.size) return 0;
  let n = 0;
  for (const g of x) if (y.has(g)) n++;
  return (2 * n) / (x.size + y.size);
}

type Gold = Record<string, unknown> & { title?: string; organization_alt?: string[] };
/** The gold incidents of a file, in the scorer's shapes. */
function goldIncidents(doc: Record<string, unknown>): Gold[] {
  const items = (doc.segments ?? doc.incidents ?? [doc]) as Record<string, unknown>[];
  return items.filter((s) => s.is_incident !== false).map((s) => ({ ...(s.incident as object ?? s), title: (s.title as string) ?? "" }) as Gold);
}

interface Predicted { title: string; fields: IncidentFields; findings: Finding[] }
function similarity(g: Gold, p: Predicted, goldCount: number): number {
  const o = [g.organization, ...(g.organization_alt ?? [])].some((x) => orgMatch(x, p.fields.organization)) ? 1 : 0;
  if (!g.title) return o ? 1 : goldCount === 1 ? 0.31 : 0;
  const t = dice(g.title, p.title);
  return Math.max(t, 0.5 * t + 0.5 * o);
}

/** One confidence the extractor stated (as the current table sets it): the heuristic behind it, and whether the value was right. */
interface Point { field: string; rule: string; raw: number; right: boolean; half: 1 | 2 }

/** Is a predicted scalar right against gold (with its *_alt alternatives), as the scorer judges? */
function scalarRight(field: string, g: Gold | null, v: unknown): boolean {
  if (!g) return false;
  const golds = [g[field], ...((g[`${field}_alt`] as unknown[] | undefined) ?? [])].filter((x) => x !== null && x !== undefined && x !== "");
  if (field === "organization") return golds.some((x) => orgMatch(x, v));
  if (field === "affected_count") return golds.some((x) => Number(String(x).replace(/[,\s]/g, "")) === v);
  if (field === "sector") return golds.some((x) => normText(x) === normText(v));
  return golds.some((x) => String(x).slice(0, 10) === String(v).slice(0, 10));
}

/** The finding a value was read from: the first of its field with that value. */
function findingOf(p: Predicted, field: string, value: unknown): Finding | undefined {
  return p.findings.find((f) => f.field === field && JSON.stringify(f.value) === JSON.stringify(value));
}

function pointsOf(stem: string, casefiles: Casefile[], gold: Gold[]): Point[] {
  const preds: Predicted[] = casefiles.flatMap((cf) => cf.notices.filter((n) => n.isIncident && n.incident).map((n) => ({ title: n.title, fields: n.incident!.fields, findings: n.incident!.findings })));
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) => preds.forEach((p, j) => { const s = similarity(g, p, gold.length); if (s >= 0.3) pairs.push([s, i, j]); }));
  pairs.sort((a, b) => b[0] - a[0]);
  const goldOf = new Map<number, Gold>();
  const used = new Set<number>();
  for (const [, i, j] of pairs) {
    if (used.has(i) || goldOf.has(j)) continue;
    used.add(i);
    goldOf.set(j, gold[i]!);
  }
  const half = halfOf(stem);
  const out: Point[] = [];
  preds.forEach((p, j) => {
    const g = goldOf.get(j) ?? null;
    for (const field of SCALARS) {
      const v = p.fields[field];
      const f = v === null ? undefined : findingOf(p, field, v);
      if (f) out.push({ field, rule: f.rule, raw: f.confidence, right: scalarRight(field, g, v), half });
    }
    for (const field of SETS) {
      const want = new Set(((g?.[field] as unknown[] | undefined) ?? []).map(normText));
      for (const v of p.fields[field] as unknown[]) {
        const f = findingOf(p, field, v);
        if (f) out.push({ field, rule: f.rule, raw: f.confidence, right: want.has(normText(v)), half });
      }
    }
  });
  return out;
}

/** Each heuristic's precision on the points, shrunk towards its field's. */
function fit(points: Point[]): Record<string, number> {
  const byField = new Map<string, { n: number; right: number }>();
  const byRule = new Map<string, { field: string; n: number; right: number }>();
  for (const p of points) {
    const f = byField.get(p.field) ?? { n: 0, right: 0 };
    f.n++; f.right += Number(p.right); byField.set(p.field, f);
    const r = byRule.get(p.rule) ?? { field: p.field, n: 0, right: 0 };
    r.n++; r.right += Number(p.right); byRule.set(p.rule, r);
  }
  const table: Record<string, number> = {};
  for (const [rule, r] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const f = byField.get(r.field)!;
    // One wrong observation more than seen: a heuristic right every time so far is not promised to be right always.
    table[rule] = Math.round(((r.right + PRIOR_WEIGHT * (f.right / f.n)) / (r.n + PRIOR_WEIGHT + 1)) * 100) / 100;
  }
  return table;
}

/** Expected calibration error (10 bins) and Brier score of scalar confidences, as the scorer computes them. */
function calibration(points: Point[], conf: (p: Point) => number): { ece: number; brier: number; n: number } {
  const scalars = points.filter((p) => (SCALARS as readonly string[]).includes(p.field));
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const p of scalars) {
    const c = conf(p);
    const b = bins[Math.min(9, Math.floor(c * 10))]!;
    b.n++; b.conf += c; b.right += Number(p.right);
  }
  const ece = bins.reduce((s, b) => s + (b.n ? (b.n / scalars.length) * Math.abs(b.conf / b.n - b.right / b.n) : 0), 0);
  const brier = scalars.reduce((s, p) => s + (conf(p) - Number(p.right)) ** 2, 0) / scalars.length;
  return { ece, brier, n: scalars.length };
}

const points: Point[] = [];
for (const name of readdirSync(join(real, "raw")).sort()) {
  const stem = name.replace(/\.txt$/, "");
  const doc = await readFileInput(join(real, "raw", name), 64 << 20);
  if (isFailure(doc)) throw new Error(`${name}: ${doc.error}`);
  const gold = goldIncidents(JSON.parse(readFileSync(join(real, "gold", `${stem}.json`), "utf8")));
  points.push(...pointsOf(stem, await runPipeline(doc), gold));
  const text = readFileSync(join(real, "raw", name), "utf8");
  for (const form of READ_AS) {
    const written = FORMS[form]!(text);
    points.push(...pointsOf(stem, await runPipeline(makeDocument(written.bytes, { source: `${stem}.${written.ext}` })), gold));
  }
}

const show = (label: string, k: { ece: number; brier: number; n: number }) =>
  console.log(`${label.padEnd(44)} ECE ${k.ece.toFixed(3)}  Brier ${k.brier.toFixed(3)}  (${k.n} scalar values)`);
const raw = (p: Point) => p.raw;
show("current confidences, whole corpus", calibration(points, raw));
for (const [tune, test] of [[1, 2], [2, 1]] as const) {
  const table = fit(points.filter((p) => p.half === tune));
  const held = points.filter((p) => p.half === test);
  show(`current confidences on half ${test}`, calibration(held, raw));
  show(`fitted on half ${tune}, measured on half ${test}`, calibration(held, (p) => table[p.rule] ?? p.raw));
}
const table = fit(points);
show("fitted on the whole corpus, in-sample", calibration(points, (p) => table[p.rule] ?? p.raw));

if (process.argv.includes("--write")) {
  const rows = Object.entries(table).map(([rule, c]) => `  ${JSON.stringify(rule)}: ${c},`).join("\n");
  writeFileSync(TABLE, `// Written by \`node --import tsx bench/calibrate.ts --write\` from ../shared/corpus/real: each heuristic's measured
// precision (shrunk towards its field's when seen only a few times). Do not edit by hand; refit after rules change.
/** Calibrated confidence per heuristic id. */
export const CALIBRATION: Readonly<Record<string, number>> = {
${rows}
};
`);
  console.log(`wrote ${Object.keys(table).length} heuristics to ${TABLE}`);
}
