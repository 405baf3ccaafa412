import { Command, CommanderError } from "commander";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cliIo, err, exit, inRun, PROCESS_IO, UsageError, type CliIo } from "./context.js";
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
import { registerWorker } from "./worker.js";

/**
 * Every command, in the order `--help` lists them. A command module declares its arguments and
 * options and imports what its action needs inside the action, so that starting the CLI loads only
 * the command that runs; a new command is one more entry here.
 */
const COMMANDS: ((program: Command) => void)[] = [
  registerIngest,
  registerExtract,
  registerQueries,
  registerShow,
  registerReextract,
  registerCuration,
  registerIndicators,
  registerStats,
  registerReport,
  registerAdmin,
  registerShare,
  registerMigrate,
  registerServe,
  registerWorker,
  registerDemo,
];

/** The package's version, from package.json (two levels up from src/cli and dist/cli alike). */
export function version(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

/** Build the `jikenbo` command with every subcommand. */
export function program(): Command {
  const p = new Command("jikenbo")
    .description("Jikenbo (事件簿): a casebook of publicly disclosed security incidents")
    .version(version())
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => cliIo().err(s), writeOut: (s) => cliIo().out(s) });
  for (const register of COMMANDS) register(p);
  const override = (c: Command) => { c.exitOverride(); c.commands.forEach(override); };
  p.commands.forEach(override);
  return p;
}

/** The exit status for an error a command raised: 0 for help and version, 2 for usage, else 1 (with a message). */
function failure(e: unknown): number {
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

/**
 * Run the CLI with process-style arguments (`node jikenbo ARGS…`), writing to `io` (default the
 * process's streams); resolves to the exit code (0 ok, 1 failures, 2 usage). Runs are independent,
 * so tests can call it in-process.
 */
export async function run(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  const { code } = await inRun(io, async () => {
    try {
      await program().parseAsync(argv);
    } catch (e) {
      exit.code = failure(e);
    }
  });
  return code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await run(process.argv);
}
