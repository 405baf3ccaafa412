import { Command, CommanderError } from "commander";
import { fileURLToPath } from "node:url";
import { err, exit, io, UsageError } from "./context.js";
import { registerAdmin } from "./admin.js";
import { registerCuration } from "./curate.js";
import { registerDemo } from "./demo.js";
import { registerIndicators } from "./indicators.js";
import { registerStats } from "./stats.js";
import { registerExtract } from "./extract.js";
import { registerIngest } from "./ingest.js";
import { registerMigrate } from "./migrate.js";
import { registerQueries } from "./query.js";
import { registerReextract } from "./reextract.js";
import { registerReport } from "./report.js";
import { registerServe } from "./serve.js";
import { registerShow } from "./show.js";
import { registerShare } from "./export.js";

/** Build the `jikenbo` command with every subcommand. */
export function program(): Command {
  const p = new Command("jikenbo")
    .description("Jikenbo (事件簿): a casebook of publicly disclosed security incidents")
    .version("0.1.0")
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => io.err(s), writeOut: (s) => io.out(s) });
  registerIngest(p);
  registerExtract(p);
  registerQueries(p);
  registerShow(p);
  registerReextract(p);
  registerCuration(p);
  registerIndicators(p);
  registerStats(p);
  registerReport(p);
  registerAdmin(p);
  registerShare(p);
  registerMigrate(p);
  registerServe(p);
  registerDemo(p);
  const override = (c: Command) => { c.exitOverride(); c.commands.forEach(override); };
  p.commands.forEach(override);
  return p;
}

/** Run the CLI with process-style arguments; resolves to the exit code (0 ok, 1 failures, 2 usage). */
export async function run(argv: string[]): Promise<number> {
  exit.code = 0;
  try {
    await program().parseAsync(argv);
    return exit.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help" ? 0 : 2;
    }
    if (e instanceof UsageError) {
      err(`jikenbo: ${e.message}`);
      return 2;
    }
    err(`jikenbo: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await run(process.argv);
}
