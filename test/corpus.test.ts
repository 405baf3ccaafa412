import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SHARED = fileURLToPath(new URL("../../shared/corpus", import.meta.url));
const root = fileURLToPath(new URL("..", import.meta.url));

test("the extractor scores at least 0.90 on the shared dev corpus (detection and field macro F1)", { skip: !existsSync(SHARED) && "../shared/corpus is not present" }, () => {
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/eval.ts", "dev", "--json"], { cwd: root, maxBuffer: 64 << 20 }).toString();
  const report = JSON.parse(out) as { overall: { field_macro_f1: number; detection_f1: number } };
  assert.ok(report.overall.detection_f1 >= 0.9, `detection F1 ${report.overall.detection_f1}`);
  assert.ok(report.overall.field_macro_f1 >= 0.9, `field macro F1 ${report.overall.field_macro_f1}`);
});
