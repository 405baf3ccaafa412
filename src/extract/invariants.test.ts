import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeDocument } from "../core/document.js";
import { runPipeline } from "../core/pipeline.js";
import { DATA_TYPES, INCIDENT_TYPES, REPORTED_TO, SECTORS, type Notice } from "../core/types.js";
import { emptyFields } from "../core/fields.js";
import { RULES } from "./rules/index.js";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const CORPUS = here("../../../shared/corpus/seeds");

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(txt|html|xml|pdf)$/.test(n) ? [p] : [];
  });
}

const inputs = [...files(here("./rules/fixtures")), ...files(here("../../examples/notices")), ...files(CORPUS)];

test("every finding's span slices the decoded text to exactly the words it reports", async () => {
  assert.ok(inputs.length >= 40, `only ${inputs.length} inputs`);
  let findings = 0;
  for (const path of inputs) {
    for (const cf of await runPipeline(makeDocument(readFileSync(path), { source: path }))) {
      for (const n of cf.notices) {
        assert.equal(cf.text.slice(...n.titleSpan), n.title, `${path}: title span`);
        assert.ok(n.span[0] <= n.titleSpan[0] && n.titleSpan[1] <= n.span[1], `${path}: title inside notice`);
        for (const f of n.incident?.findings ?? []) {
          findings++;
          assert.equal(cf.text.slice(f.span[0], f.span[1]), f.text, `${path}: ${f.rule}`);
          const inside = (s: readonly [number, number] | undefined) => !!s && f.span[0] >= s[0] && f.span[1] <= s[1];
          // Evidence lies in the notice, in the notice framing it, or in the opening of the roundup that named its victim.
          if (!f.rule.endsWith("/page-publisher")) assert.ok(inside(n.span) || inside(n.context) || inside(n.victim?.lead), `${path}: ${f.rule} outside its notice`);
          assert.ok(f.span[1] > f.span[0], `${path}: ${f.rule} empty span`);
          assert.ok(f.confidence >= 0 && f.confidence <= 1, `${path}: ${f.rule} confidence`);
        }
      }
    }
  }
  assert.ok(findings > 300, `only ${findings} findings`);
});

test("every extracted value is from its vocabulary", async () => {
  for (const path of inputs) {
    for (const cf of await runPipeline(makeDocument(readFileSync(path), { source: path }))) {
      for (const n of cf.notices) {
        const f = n.incident?.fields;
        if (!f) continue;
        for (const t of f.incident_types) assert.ok((INCIDENT_TYPES as readonly string[]).includes(t), t);
        for (const t of f.data_types) assert.ok((DATA_TYPES as readonly string[]).includes(t), t);
        for (const t of f.reported_to) assert.ok((REPORTED_TO as readonly string[]).includes(t), t);
        if (f.sector) assert.ok((SECTORS as readonly string[]).includes(f.sector), f.sector);
        for (const d of [f.disclosed_on, f.discovered_on]) if (d) assert.match(d, /^\d{4}-\d{2}-\d{2}$/);
        if (f.affected_count !== null) assert.ok(Number.isInteger(f.affected_count) && f.affected_count > 0);
      }
    }
  }
});

/** Every incident the pipeline finds in the inputs. */
async function incidentsOf(paths: string[]) {
  const out: { path: string; incident: NonNullable<Notice["incident"]> }[] = [];
  for (const path of paths) {
    for (const cf of await runPipeline(makeDocument(readFileSync(path), { source: path }))) {
      for (const n of cf.notices) if (n.incident) out.push({ path, incident: n.incident });
    }
  }
  return out;
}

const DECLARED = new Set(RULES.flatMap((r) => r.heuristics));

test("every value has its finding, and every finding's rule is declared as <field>/<heuristic>", async () => {
  for (const { path, incident } of await incidentsOf(inputs)) {
    for (const f of incident.findings) {
      assert.ok(f.rule.startsWith(`${f.field}/`), `${path}: ${f.rule} reports ${f.field}`);
      assert.ok(DECLARED.has(f.rule), `${path}: ${f.rule} is not declared by any rule`);
    }
    const empty = emptyFields() as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(incident.fields)) {
      if (JSON.stringify(value) === JSON.stringify(empty[field])) continue;
      const evidence = incident.findings.filter((f) => f.field === field).map((f) => JSON.stringify(field === "cause" ? { text: f.text, category: f.value } : f.value));
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) assert.ok(evidence.includes(JSON.stringify(v)), `${path}: ${field} = ${JSON.stringify(v)} has no finding`);
    }
  }
});

test("every declared heuristic is exercised by a fixture or bundled example", async () => {
  const own = [...files(here("./rules/fixtures")), ...files(here("../../examples/notices"))];
  const seen = new Set((await incidentsOf(own)).flatMap(({ incident }) => incident.findings.map((f) => f.rule)));
  const missing = [...DECLARED].filter((h) => !seen.has(h)).sort();
  assert.deepEqual(missing, [], `heuristics without a fixture: ${missing.join(", ")}`);
});
