import type { Command } from "commander";
import { CorrectionError, parseChange } from "../core/corrections.js";
import { ForbiddenError, type Writer } from "../casebook/authorize.js";
import { ConflictError, NotFoundError, type EventRecord } from "../store/types.js";
import { exit, err, operator, out, UsageError, withStore } from "./context.js";
import { safe } from "./format.js";

const DB = ["--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)"] as const;

/** Who the analyst is, from --by and --why (see operator). */
function actor(o: { by?: string; why?: string }): Writer {
  return operator(o.by, o.why);
}

/** Run a curation command, turning unknown ids and conflicts into exit 1 and bad values into exit 2. */
async function curate(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (e instanceof CorrectionError) throw new UsageError(e.message);
    if (e instanceof NotFoundError || e instanceof ConflictError || e instanceof ForbiddenError) { err(`jikenbo: ${e.message}`); exit.code = 1; return; }
    throw e;
  }
}

function describe(e: EventRecord): string {
  const d = e.detail;
  const why = d.why ? ` — ${d.why}` : "";
  switch (e.action) {
    case "created": return `opened from "${d.title}" (${d.source})`;
    case "source_added":
      return d.changes
        ? `a source changed: ${Object.entries(d.changes as Record<string, [unknown, unknown]>).map(([k, [a, b]]) => `${k} ${JSON.stringify(a)} → ${JSON.stringify(b)}`).join(", ")}`
        : `source added: "${d.title}" (${d.source}), score ${d.score}: ${d.reason}`;
    case "merged": return d.from ? `merged ${d.from} into this incident${why}` : `merged into ${d.into}${why}`;
    case "unmerged": return `split off ${(d.notices as string[]).length} source(s) into ${(d.into as string[]).join(", ")}${why}`;
    case "split_off": return `split off ${d.from}${why}`;
    case "edited": return `${d.field}: ${JSON.stringify(d.from)} → ${JSON.stringify(d.to)}${why}`;
    case "reverted": return `correction of ${d.field} withdrawn${why}`;
    case "reextracted":
      return d.changes
        ? `re-extraction changed ${Object.entries(d.changes as Record<string, [unknown, unknown]>).map(([k, [a, b]]) => `${k} ${JSON.stringify(a)} → ${JSON.stringify(b)}`).join(", ")}`
        : d.source_removed ? `re-extraction removed source ${d.source_removed}` : "re-extracted";
  }
}

/** `jikenbo merge`, `unmerge`, `edit` and `history`: reversible curation with an audit trail. */
export function registerCuration(program: Command): void {
  program
    .command("merge")
    .description("merge incidents into the first one (their ids keep resolving to it)")
    .argument("<target>", "incident that stays").argument("<others...>", "incidents merged into it")
    .option(...DB).option("--by <name>", "who is merging").option("--why <reason>", "why, for the history")
    .action((target: string, others: string[], o: { db?: string; by?: string; why?: string }) =>
      curate(() => withStore(o.db, async (s) => {
        const inc = await s.merge(target, others, actor(o));
        out(`${inc.id}: ${inc.notices.length} sources after merging ${others.join(", ")}`);
      })));
  program
    .command("unmerge")
    .description("split sources off an incident: one notice, or every source added to the first")
    .argument("<id>", "incident").option("--notice <notice>", "the source notice to split off")
    .option(...DB).option("--by <name>", "who is splitting").option("--why <reason>", "why, for the history")
    .action((id: string, o: { db?: string; notice?: string; by?: string; why?: string }) =>
      curate(() => withStore(o.db, async (s) => {
        const created = await s.unmerge(id, actor(o), o.notice);
        out(`split into ${created.join(", ")}`);
      })));
  program
    .command("edit")
    .description("correct fields (field=value; lists comma-separated; empty clears); re-extraction keeps them")
    .argument("<id>", "incident").argument("[changes...]", "field=value corrections")
    .option(...DB).option("--revert <field>", "withdraw the correction of a field")
    .option("--by <name>", "who corrects").option("--why <reason>", "why, for the history")
    .action((id: string, changes: string[], o: { db?: string; revert?: string; by?: string; why?: string }) =>
      curate(async () => {
        if (!o.revert && changes.length === 0) throw new UsageError("give field=value corrections or --revert FIELD");
        const parsed = changes.map(parseChange);
        await withStore(o.db, async (s) => {
          if (o.revert) await s.revert(id, o.revert, actor(o));
          const inc = parsed.length ? await s.edit(id, parsed, actor(o)) : (await s.getIncident(id))!;
          for (const c of [...parsed.map((p) => p.field), ...(o.revert ? [o.revert] : [])]) {
            out(`${c}: ${JSON.stringify(c === "tlp" ? inc.tlp : (inc.fields as unknown as Record<string, unknown>)[c])}`);
          }
        });
      }));
  program
    .command("history")
    .description("the incident's trail: sources, merges, corrections, re-extraction changes")
    .argument("<id>", "incident").option(...DB).option("--json", "print JSON")
    .action((id: string, o: { db?: string; json?: boolean }) =>
      curate(() => withStore(o.db, async (s) => {
        const events = await s.history(id);
        if (o.json) { out(JSON.stringify(events, null, 2)); return; }
        for (const e of events) out(`${e.at}  ${safe(e.who).padEnd(12)} ${e.action.padEnd(12)} ${safe(describe(e))}`);
      })));
}
