import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SHARED = fileURLToPath(new URL("../../shared/corpus", import.meta.url));
const root = fileURLToPath(new URL("..", import.meta.url));

/** The shared scorer's figures for one corpus (bench/eval.ts runs the pipeline in-process). */
function score(set: "dev" | "real", ...options: string[]): { overall: { field_macro_f1: number; detection_f1: number }; calibration?: { ece: number } } {
  return JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "bench/eval.ts", set, ...options, "--json"], { cwd: root, maxBuffer: 64 << 20 }).toString());
}

test("the extractor scores at least 0.95 on the shared seed pages (detection and field macro F1)", { skip: !existsSync(`${SHARED}/seeds`) && "../shared/corpus is not present" }, () => {
  const { overall } = score("dev");
  assert.ok(overall.detection_f1 >= 0.95, `detection F1 ${overall.detection_f1}`);
  assert.ok(overall.field_macro_f1 >= 0.95, `field macro F1 ${overall.field_macro_f1}`);
});

test("the extractor scores at least 0.90 detection and 0.85 field macro F1 on the real notices, with calibrated confidences", { skip: !existsSync(`${SHARED}/real`) && "../shared/corpus/real is not present" }, () => {
  const { overall, calibration } = score("real");
  assert.ok(overall.detection_f1 >= 0.9, `detection F1 ${overall.detection_f1}`);
  assert.ok(overall.field_macro_f1 >= 0.85, `field macro F1 ${overall.field_macro_f1}`);
  assert.ok(calibration && calibration.ece <= 0.08, `ECE ${calibration?.ece}`);
});

test("the real notices score within two points of themselves as web pages (a news site's too, related headlines beside them), as a feed's item, copied whole as text and with full-width digits and letters", { skip: !existsSync(`${SHARED}/real`) && "../shared/corpus/real is not present" }, () => {
  const plain = score("real").overall;
  for (const form of ["html", "news", "feed", "copied", "fullwidth"]) {
    const { overall } = score("real", "--as", form);
    assert.ok(overall.detection_f1 >= plain.detection_f1 - 0.02, `${form}: detection F1 ${overall.detection_f1} against ${plain.detection_f1}`);
    assert.ok(overall.field_macro_f1 >= plain.field_macro_f1 - 0.02, `${form}: field macro F1 ${overall.field_macro_f1} against ${plain.field_macro_f1}`);
  }
});

test("the real notices printed to PDF, or wrapped at 70 columns as plain text, score above their floors", { skip: !existsSync(`${SHARED}/real`) && "../shared/corpus/real is not present" }, () => {
  // Read back, the lines are joined into their paragraphs again; a flattened table wrapped at a fixed
  // width loses its rows, so the floors are below the text's.
  for (const [form, detection, macro] of [["pdf", 0.93, 0.88], ["wrapped", 0.94, 0.89]] as const) {
    const { overall } = score("real", "--as", form);
    assert.ok(overall.detection_f1 >= detection, `${form}: detection F1 ${overall.detection_f1}`);
    assert.ok(overall.field_macro_f1 >= macro, `${form}: field macro F1 ${overall.field_macro_f1}`);
  }
});
