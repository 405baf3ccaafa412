import type { Command } from "commander";
import type { Finding } from "../core/types.js";
import type { IncidentDetail } from "../store/types.js";
import { exit, err, out, withStore } from "./context.js";
import { safe } from "./format.js";

const SHOWN: (keyof IncidentDetail["fields"])[] = [
  "organization", "other_parties", "disclosed_on", "discovered_on", "exposure_period", "incident_types", "affected_count",
  "affected_count_text", "secondary_counts", "data_types", "reported_to", "sector", "indicators", "cause", "response",
  "measures", "status", "casebook_id",
];

function excerpt(text: string, f: Finding): string {
  const [s, e] = f.span;
  const before = text.slice(Math.max(0, s - 24), s).replace(/\s+/g, " ");
  const after = text.slice(e, e + 24).replace(/\s+/g, " ");
  return safe(`…${before}[${text.slice(s, e)}]${after}…`);
}

function value(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === "object" ? JSON.stringify(x) : String(x))).join(", ") : "—";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** `jikenbo show ID`: every field with the excerpt of the notice it came from. */
export function registerShow(program: Command): void {
  program
    .command("show")
    .description("show one incident: every field with the words it came from")
    .argument("<id>", "incident id (from list or search)")
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .option("--json", "print the incident as JSON")
    .action(async (id: string, o: { db?: string; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        const inc = await store.getIncident(id);
        if (!inc) { err(`no incident ${id}`); exit.code = 1; return; }
        if (o.json) { out(JSON.stringify(inc, null, 2)); return; }
        out(`${inc.id}  ${safe(inc.title)}`);
        out(`TLP:${inc.tlp}${inc.aliases.length ? `  (also known as ${inc.aliases.join(", ")})` : ""}`);
        const texts = new Map<string, string>();
        for (const n of inc.notices) {
          const doc = texts.get(n.document) ?? (await store.getDocument(n.document))?.text ?? "";
          texts.set(n.document, doc);
        }
        for (const field of SHOWN) {
          const corrected = inc.overrides.filter((x) => x.field === field).at(-1);
          out(`\n${field}: ${safe(value(inc.fields[field]))}${corrected ? `   [corrected by ${safe(corrected.who)} ${corrected.at.slice(0, 10)}${corrected.why ? `: ${safe(corrected.why)}` : ""}]` : ""}`);
          // Where sources disagree, each one's value is shown: the history of a follow-up's update.
          const values = inc.notices.filter((n) => n.fields).map((n) => JSON.stringify((n.fields as unknown as Record<string, unknown>)[field]));
          const differ = new Set(values).size > 1;
          for (const n of inc.notices) {
            if (differ && n.fields) out(`    ${safe(value((n.fields as unknown as Record<string, unknown>)[field]))}  ← ${safe(n.title.slice(0, 40))}`);
            for (const f of n.findings.filter((x) => x.field === field).slice(0, 3)) {
              out(`    ${excerpt(texts.get(n.document) ?? "", f)}  (${f.rule}, ${f.confidence})`);
            }
          }
        }
        const corrections = inc.overrides.filter((o) => o.field === "tlp");
        if (corrections.length) out(`\ntlp corrected by ${safe(corrections.at(-1)!.who)}`);
        out("\ntags:");
        for (const t of inc.tags) out(`  ${t.taxonomy.padEnd(16)} ${safe(t.value).padEnd(28)} ${safe(t.label.ja)} / ${safe(t.label.en)} — ${safe(t.reason)}`);
        out("\nsources:");
        for (const n of inc.notices) {
          out(`  ${n.id}  ${safe(n.source)}  ${n.fetched_at}  sha256:${n.document.slice(0, 16)}  [${n.span[0]}, ${n.span[1]})  ${n.kind}: ${safe(n.reason)}`);
          if (n.link) out(`      ${n.link.method === "auto" ? `merged automatically (score ${n.link.score})` : n.link.method === "manual" ? "merged by hand" : "opened the incident"}: ${safe(n.link.reason)}`);
        }
        if (inc.related.length) {
          out("\nrelated:");
          for (const r of inc.related) out(`  ${r.id}  ${safe(r.organization ?? "?")}  ${safe(r.title.slice(0, 50))} — ${safe(r.reason)}`);
        }
      });
    });
}
