import type { Command } from "commander";
import { out, withStore } from "./context.js";
import { safe } from "./format.js";

/** `jikenbo indicators`: attacker-side indicators with the incidents that mention them. */
export function registerIndicators(program: Command): void {
  program
    .command("indicators")
    .description("indicators (attacker emails, domains, URLs, IPs) and the incidents that share them")
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .option("--shared", "only indicators found in two or more incidents")
    .option("--json", "print JSON")
    .action(async (o: { db?: string; shared?: boolean; json?: boolean }) => {
      const rows = await withStore(o.db, (s) => s.indicators({ shared: !!o.shared }));
      if (o.json) { out(JSON.stringify(rows, null, 2)); return; }
      if (rows.length === 0) { out("(no indicators)"); return; }
      for (const r of rows) {
        out(`${r.kind.padEnd(7)} ${safe(r.value)}`);
        for (const i of r.incidents) out(`        ${i.id}  ${safe(i.organization ?? "?")}  ${safe(i.title.slice(0, 60))}`);
      }
    });
}
