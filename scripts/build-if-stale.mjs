#!/usr/bin/env node
// Run `npm run build` unless dist/ is newer than everything it is built from: `npm ci` already built it
// (the `prepare` script), so `npm test` right after compiles nothing again. Tests and their helpers
// (*.test.ts, testkit.ts) are not built, so editing them never forces a build.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// `npm run build` writes dist/web/index.html last (Vite rewrites it every time; tsc emits only what changed).
const BUILT = "dist/web/index.html";
const ENTRY = "dist/cli/main.js";
const INPUTS = ["src", "web", "package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"];

/** The latest modification time (ms) of the build inputs under `path`. */
function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return /\.test\.ts$|(^|\/)testkit\.ts$/.test(path) ? 0 : st.mtimeMs;
  return readdirSync(path).reduce((m, name) => (name === "node_modules" ? m : Math.max(m, newest(join(path, name)))), 0);
}

const built = existsSync(join(root, ENTRY)) && existsSync(join(root, BUILT)) ? statSync(join(root, BUILT)).mtimeMs : -1;
const changed = Math.max(...INPUTS.map((p) => join(root, p)).filter(existsSync).map(newest));
if (built >= changed) {
  console.log("dist/ is up to date; not building");
} else {
  execSync("npm run build", { cwd: root, stdio: "inherit" });
}
