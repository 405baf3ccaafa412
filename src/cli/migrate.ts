import type { Command } from "commander";
import { out, UsageError } from "./context.js";

/** `jikenbo migrate --from FILE.db --to postgres://…`: copy a whole casebook from SQLite into an empty PostgreSQL database. */
export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("copy a whole SQLite casebook into an empty PostgreSQL database, in one transaction")
    .requiredOption("--from <file>", "SQLite casebook file")
    .requiredOption("--to <url>", "postgres:// URL of an empty database")
    .option("--json", "print the rows copied per table as JSON")
    .action(async (o: { from: string; to: string; json?: boolean }) => {
      if (!/^postgres(?:ql)?:\/\//i.test(o.to)) throw new UsageError("--to must be a postgres:// or postgresql:// URL");
      const { copySqliteToPostgres } = await import("../store/postgres/copy.js");
      const counts = await copySqliteToPostgres(o.from, o.to);
      if (o.json) { out(JSON.stringify(counts, null, 2)); return; }
      for (const [table, n] of Object.entries(counts)) out(`${table.padEnd(20)} ${n}`);
    });
}
