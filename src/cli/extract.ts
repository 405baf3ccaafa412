import type { Command } from "commander";
import { runPipeline } from "../core/pipeline.js";
import type { Casefile } from "../core/types.js";
import { extractReport } from "../extract/report.js";
import { isFailure, readInputs } from "../ingest/readers/index.js";
import { err, exit, out } from "./context.js";
import { safe } from "./format.js";

/** `jikenbo extract --json INPUT`: run the pipeline without a store and print what it found. */
export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description("split and extract notices without storing them")
    .argument("<inputs...>", "files, directories, http(s) URLs or - for stdin")
    .option("--json", "print JSON (the default; kept for scripts)")
    .option("--allow-private", "let URLs reach private and loopback addresses")
    .action(async (inputs: string[], o: { allowPrivate?: boolean }) => {
      const casefiles: Casefile[] = [];
      for await (const item of readInputs(inputs, { allowPrivate: !!o.allowPrivate })) {
        if (isFailure(item)) { err(`${safe(item.input)}: ${item.error}`); exit.code = 1; continue; }
        try {
          casefiles.push(...(await runPipeline(item)));
        } catch (e) {
          err(`${safe(item.source)}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
          exit.code = 1;
        }
      }
      out(JSON.stringify(extractReport(casefiles), null, 2));
    });
}
