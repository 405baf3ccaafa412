import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { run } from "../src/cli/main.js";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** A fresh temporary directory. */
export function tempDir(prefix = "jikenbo-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Result of running the CLI. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `jikenbo ARGS…` in this process, capturing what it prints; `input` is what `-` reads, `env` adds to the environment. */
export async function cli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = "", stderr = "";
  const code = await run(["node", "jikenbo", ...args], {
    out: (s) => { stdout += s; },
    err: (s) => { stderr += s; },
    stdin: Readable.from(opts.input === undefined ? [] : [Buffer.from(opts.input)]),
    env: { ...process.env, JIKENBO_LOG: "silent", ...opts.env },
  });
  return { code, stdout, stderr };
}

/** Start the CLI from source (tsx) as a separate process, without waiting for it (for kill tests). */
export function cliAsync(args: string[]) {
  return spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), ...args], { cwd: ROOT, stdio: "ignore" });
}
