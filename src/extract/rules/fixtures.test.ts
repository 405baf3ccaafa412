import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeDocument } from "../../core/document.js";
import { analyse } from "../../core/pipeline.js";
import type { Casefile } from "../../core/types.js";
import { decodeText } from "../../ingest/formats/text.js";

const ROOT = fileURLToPath(new URL("./fixtures", import.meta.url));

/** A fixture: which notice (by title prefix, default the first incident) and the fields it must have. */
interface Expected {
  title?: string;
  fields: Record<string, unknown>;
}

function normalise(v: unknown): unknown {
  return Array.isArray(v) ? [...v].map((x) => JSON.stringify(x)).sort() : v;
}

for (const field of readdirSync(ROOT).sort()) {
  for (const name of readdirSync(join(ROOT, field)).sort()) {
    const dir = join(ROOT, field, name);
    if (!existsSync(join(dir, "input.txt"))) continue;
    test(`${field}: ${name}`, () => {
      const bytes = readFileSync(join(dir, "input.txt"));
      const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Expected;
      const { text, charset, messages } = decodeText(bytes);
      const cf: Casefile = analyse({ doc: makeDocument(bytes, { source: name }), charset, text, messages, notices: [] });
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
