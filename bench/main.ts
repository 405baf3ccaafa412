// `npm run bench [-- --scale 100k|1m|N] [--incidents N]`: the throughput bench (run.ts), then the report
// bench (report.ts), each given every option (each reads its own), one after the other.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

for (const script of ["run.ts", "report.ts"]) {
  execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(new URL(script, import.meta.url)), ...process.argv.slice(2)], { stdio: "inherit" });
}
