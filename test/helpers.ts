import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

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

/** Run the CLI from source (tsx) as a separate process. */
export function cli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), ...args], {
    cwd: ROOT, input: opts.input, env: { ...process.env, JIKENBO_LOG: "silent", ...opts.env }, maxBuffer: 64 << 20,
  });
  return { code: r.status ?? -1, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

/** Start the CLI without waiting for it (for kill tests). */
export function cliAsync(args: string[]) {
  return spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), ...args], { cwd: ROOT, stdio: "ignore" });
}
