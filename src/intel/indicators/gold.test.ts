// Measures indicatorsOf against the gold `indicators` of the dev corpus and the held-out set, notice
// segment by notice segment, next to the extraction rule it is meant to replace.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Notice } from "../../core/types.js";
import { RuleContext } from "../../extract/context.js";
import { indicatorsRule } from "../../extract/rules/indicators.js";
import { indicatorsOf } from "./index.js";

const SETS = [
  { gold: "../../../../shared/corpus/gold", texts: "../../../../shared/corpus/seeds" },
  { gold: "../../../test/heldout/gold", texts: "../../../test/heldout/cases" },
].map((s) => ({ gold: fileURLToPath(new URL(s.gold, import.meta.url)), texts: fileURLToPath(new URL(s.texts, import.meta.url)) }));

interface GoldSegment {
  title: string;
  start_line: number;
  end_line: number;
  is_incident: boolean;
  incident?: { organization: string | null; indicators: string[] };
}

/** Gold comparison form, as the shared scorer has it: NFKC, no spaces, lower case, refanged `[.]` and `hxxp`. */
const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase().replace(/\[\.\]/g, ".").replace(/^hxxp/, "http");

interface Tally { tp: number; fp: number; fn: number; misses: string[] }

function score(tally: Tally, predicted: string[], wanted: string[], where: string): void {
  const p = new Set(predicted.map(norm)), w = new Set(wanted.map(norm));
  for (const x of p) if (w.has(x)) tally.tp++; else { tally.fp++; tally.misses.push(`FP ${where} ${x}`); }
  for (const x of w) if (!p.has(x)) { tally.fn++; tally.misses.push(`FN ${where} ${x}`); }
}

const figures = (t: Tally) => ({ precision: t.tp / (t.tp + t.fp || 1), recall: t.tp / (t.tp + t.fn || 1) });

test("indicatorsOf (attacker role) matches the gold indicators at least as well as the current rule", { skip: !SETS.every((s) => existsSync(s.gold)) && "gold sets not present" }, (t) => {
  const mine: Tally = { tp: 0, fp: 0, fn: 0, misses: [] };
  const rule: Tally = { tp: 0, fp: 0, fn: 0, misses: [] };
  for (const set of SETS) {
    for (const file of readdirSync(set.gold).filter((f) => f.endsWith(".json")).sort()) {
      const gold = JSON.parse(readFileSync(`${set.gold}/${file}`, "utf8")) as { file: string; segments: GoldSegment[] };
      const source = readFileSync(`${set.texts}/${gold.file}`, "utf8");
      const lines = source.split("\n");
      for (const seg of gold.segments) {
        // The rule runs on incident notices only; so is the library measured.
        if (!seg.is_incident || !seg.incident) continue;
        const start = lines.slice(0, seg.start_line - 1).reduce((n, l) => n + l.length + 1, 0);
        const text = lines.slice(seg.start_line - 1, seg.end_line).join("\n");
        const where = `${file}:${seg.start_line}`;
        const found = indicatorsOf(text, { organization: seg.incident.organization }).filter((i) => i.role === "attacker");
        score(mine, found.map((i) => i.text), seg.incident.indicators, where);
        const notice: Notice = {
          index: 0, title: seg.title, span: [start, start + text.length], titleSpan: [start, start], kind: "incident_notice", isIncident: true,
          reason: "gold segment", listingDate: null, category: null, publisher: null, incident: null,
        };
        score(rule, indicatorsRule.run(new RuleContext(source, notice)).map((f) => f.value as string), seg.incident.indicators, where);
      }
    }
  }
  const m = figures(mine), r = figures(rule);
  t.diagnostic(`indicatorsOf: precision ${m.precision.toFixed(3)} recall ${m.recall.toFixed(3)} (tp ${mine.tp}, fp ${mine.fp}, fn ${mine.fn})`);
  t.diagnostic(`current rule: precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)} (tp ${rule.tp}, fp ${rule.fp}, fn ${rule.fn})`);
  for (const miss of mine.misses) t.diagnostic(miss);
  assert.ok(mine.tp > 0, "no gold indicator found at all");
  assert.ok(m.precision >= r.precision, `precision ${m.precision} < rule ${r.precision}`);
  assert.ok(m.recall >= r.recall, `recall ${m.recall} < rule ${r.recall}`);
});
