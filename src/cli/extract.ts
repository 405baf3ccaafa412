import type { Command } from "commander";
import type { Casefile } from "../core/types.js";
import { cliIo, err, exit, out } from "./context.js";
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
      const [{ runPipeline }, { extractReport }, { isFailure, readInputs }] = await Promise.all([
        import("../core/pipeline.js"), import("../extract/report.js"), import("../ingest/readers/index.js"),
      ]);
      const stdin = cliIo().stdin;
      const casefiles: Casefile[] = [];
      for await (const item of readInputs(inputs, { allowPrivate: !!o.allowPrivate, ...(stdin ? { stdin } : {}) })) {
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
