#!/usr/bin/env node
// Builds cases/*.txt and gold/*.json from authoring/*.src.
//
//   node test/heldout2/build.mjs
//
// Authoring format (one .src file per case):
//   @@out            following lines belong to the page but to no segment (page chrome)
//   @@seg            following lines (up to @@text) are one JSON object describing the segment:
//                    kind, is_incident (optional), casebook_id (optional) and the incident fields
//                    written flat (organization, disclosed_on, ...). Missing incident keys get
//                    null / [] defaults.
//   @@text           following lines are the segment's text. The segment runs from its first to
//                    its last non-blank line. Its title is the line prefixed with "§" (the prefix
//                    is removed), or else its first non-blank line.
// Line numbers in the generated gold are 1-based and inclusive, as in /work/shared/corpus/gold.

import { readFileSync, writeFileSync, readdirSync, mkdirSync } from "node:fs";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const srcDir = join(here, "authoring");
const caseDir = join(here, "cases");
const goldDir = join(here, "gold");
mkdirSync(caseDir, { recursive: true });
mkdirSync(goldDir, { recursive: true });

const INCIDENT_KEYS = [
  "organization", "other_parties", "disclosed_on", "discovered_on", "incident_types",
  "affected_count", "affected_count_text", "data_types", "cause_summary", "basics_violated",
  "reported_to", "sector", "indicators", "status", "notes",
];
const LIST_KEYS = new Set(["other_parties", "incident_types", "data_types", "basics_violated", "reported_to", "indicators"]);
const INCIDENT_KINDS = new Set(["incident_notice", "news_entry", "regulator_action"]);
const ALT_KEYS = ["organization_alt"];

let nCases = 0;
for (const f of readdirSync(srcDir).filter((f) => f.endsWith(".src")).sort()) {
  const name = basename(f, ".src");
  const raw = readFileSync(join(srcDir, f), "utf8").replace(/\r\n/g, "\n").replace(/\n+$/, "");
  const out = [];
  const segs = [];
  let mode = "out";
  let cur = null;
  let json = [];
  for (const line of raw.split("\n")) {
    if (line === "@@out") { mode = "out"; cur = null; continue; }
    if (line === "@@seg") { mode = "json"; json = []; continue; }
    if (line === "@@text") {
      if (mode !== "json") throw new Error(`${f}: @@text without @@seg`);
      let meta;
      try { meta = JSON.parse(json.join("\n")); } catch (e) { throw new Error(`${f}: bad JSON before line ${out.length + 1}: ${e.message}`); }
      cur = { meta, first: null, last: null, title: null };
      segs.push(cur);
      mode = "text";
      continue;
    }
    if (mode === "json") { json.push(line); continue; }
    let text = line;
    if (mode === "text") {
      if (text.startsWith("§")) { text = text.slice(1); cur.title = text; }
      out.push(text);
      const n = out.length;
      if (text.trim() !== "") {
        if (cur.first === null) cur.first = n;
        cur.last = n;
        if (cur.title === null && cur.firstTitle === undefined) cur.firstTitle = text;
      }
    } else out.push(text);
  }
  const segments = segs.map((s) => {
    const m = s.meta;
    const title = s.title ?? s.firstTitle;
    const kind = m.kind;
    const isIncident = m.is_incident ?? (INCIDENT_KINDS.has(kind) && Boolean(m.organization));
    const seg = { title, start_line: s.first, end_line: s.last, is_incident: isIncident, kind, casebook_id: m.casebook_id ?? null };
    if (isIncident) {
      const inc = {};
      for (const k of INCIDENT_KEYS) inc[k] = m[k] ?? (LIST_KEYS.has(k) ? [] : k === "status" ? "unknown" : null);
      for (const k of ALT_KEYS) if (m[k]) inc[k] = m[k];
      const extra = Object.keys(m).filter((k) => !INCIDENT_KEYS.includes(k) && !ALT_KEYS.includes(k) && !["kind", "is_incident", "casebook_id"].includes(k));
      if (extra.length) throw new Error(`${f}: unknown keys ${extra.join(", ")}`);
      seg.incident = inc;
    }
    return seg;
  });
  writeFileSync(join(caseDir, name + ".txt"), out.join("\n") + "\n");
  writeFileSync(join(goldDir, name + ".json"), JSON.stringify({ file: name + ".txt", segments }, null, 2) + "\n");
  nCases++;
}
console.log(`built ${nCases} cases`);
