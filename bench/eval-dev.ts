// Runs `jikenbo extract --json` over ../shared/corpus/seeds and scores it with the shared scorer.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = join(root, "..", "shared");
const seeds = process.env.JIKENBO_SEEDS ?? join(shared, "corpus", "seeds");
const gold = process.env.JIKENBO_GOLD ?? join(shared, "corpus", "gold");
const pred = mkdtempSync(join(tmpdir(), "jikenbo-pred-"));
mkdirSync(pred, { recursive: true });
const cli = join(root, "src", "cli", "main.ts");
for (const name of readdirSync(seeds).filter((n) => !n.startsWith(".")).sort()) {
  const out = execFileSync(process.execPath, ["--import", "tsx", cli, "extract", "--json", join(seeds, name)], { cwd: root, maxBuffer: 64 << 20 });
  writeFileSync(join(pred, name.replace(/\.[^.]+$/, ".json")), out);
}
const args = [join(shared, "eval", "score.mjs"), gold, pred, ...process.argv.slice(2)];
if (!process.argv.includes("--json")) args.push("--verbose");
process.stdout.write(execFileSync(process.execPath, args));
