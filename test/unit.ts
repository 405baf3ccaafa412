// `npm run test:unit`: the unit tests beside the code (src/**/*.test.ts), all in this one process so that
// the runner starts once. The HTTP adapter's and the background jobs' tests run over a store and local
// servers: `npm run test:integration` runs them with the suites in test/, each file in its own process.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const SRC = fileURLToPath(new URL("../src", import.meta.url));
/** Folders under src whose tests are integration tests rather than unit tests. */
const NOT_UNIT = ["http", "jobs"];

/** The unit test files under `dir`, sorted. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return NOT_UNIT.includes(relative(SRC, path)) ? [] : testFiles(path);
    return e.name.endsWith(".test.ts") ? [path] : [];
  }).sort();
}

for (const file of testFiles(SRC)) await import(pathToFileURL(file).href);
