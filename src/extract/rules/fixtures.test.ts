import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeDocument } from "../../core/document.js";
import { runPipeline } from "../../core/pipeline.js";

const ROOT = fileURLToPath(new URL("./fixtures", import.meta.url));

/** A fixture: which notice (by title prefix, default the first incident) and the fields it must have. */
interface Expected {
  title?: string;
  fields: Record<string, unknown>;
}

function normalise(v: unknown): unknown {
  return Array.isArray(v) ? [...v].map((x) => JSON.stringify(x)).sort() : v;
}

// A fixture's input is plain text, or a page or feed read by its format's reader.
const INPUTS = ["input.txt", "input.html", "input.xml"];

for (const field of readdirSync(ROOT).sort()) {
  for (const name of readdirSync(join(ROOT, field)).sort()) {
    const dir = join(ROOT, field, name);
    const input = INPUTS.find((f) => existsSync(join(dir, f)));
    if (!input) continue;
    test(`${field}: ${name}`, async () => {
      const bytes = readFileSync(join(dir, input));
      const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Expected;
      const [cf] = await runPipeline(makeDocument(bytes, { source: join(dir, input) }));
      assert.ok(cf, `${field}/${name} gave no casefile`);
      const notice = expected.title
        ? cf.notices.find((n) => n.title.startsWith(expected.title!))
        : cf.notices.find((n) => n.isIncident);
      assert.ok(notice?.incident, `no incident notice found in ${field}/${name}`);
      for (const [k, want] of Object.entries(expected.fields)) {
        const got: unknown = (notice.incident.fields as unknown as Record<string, unknown>)[k];
        assert.deepEqual(normalise(got), normalise(want), `${k}`);
      }
    });
  }
}
