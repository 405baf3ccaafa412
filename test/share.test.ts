import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ingest } from "../src/core/ingest.js";
import type { IncidentDetail, Store } from "../src/store/types.js";
import { openStore } from "../src/store/open.js";
import { importPlan } from "../src/share/imported.js";
import { mispEvents } from "../src/share/misp/export.js";
import { mispImportPlan } from "../src/share/misp/import.js";
import { collectIncidents } from "../src/share/select.js";
import { checkBundle } from "../src/share/stix/check.js";
import { EXTENSION_ID } from "../src/share/stix/extension.js";
import { stixBundle, type Bundle, type StixObject } from "../src/share/stix/export.js";
import { stixSchemas, STIX_SCHEMAS } from "../src/share/testkit.js";
import { cli, ROOT, tempDir } from "./helpers.js";
import { OWNER } from "./http-kit.js";

const SEEDS = fileURLToPath(new URL("../../shared/corpus/seeds", import.meta.url));
const EXAMPLES = join(ROOT, "examples/notices");
const dir = tempDir("jikenbo-share-");
const sourceDb = join(dir, "source.db");
let source: Store;

/** A store holding the examples (and the shared seeds when present), ingested by the real pipeline. */
async function casebook(db: string): Promise<Store> {
  const store = await openStore(db);
  const summary = await ingest(store, [EXAMPLES, ...(existsSync(SEEDS) ? [SEEDS] : [])], OWNER);
  assert.deepEqual(summary.failures, []);
  return store;
}

/** What must survive a round trip: each incident's name, fields (extension), labels, markings, indicators, parties and sources. */
function projection(b: Bundle): string[] {
  const byId = new Map(b.objects.map((o) => [o.id, o]));
  return b.objects.filter((o) => o.type === "incident").map((inc) => {
    const { jikenbo_id: _id, ...ext } = (inc.extensions as Record<string, Record<string, unknown>>)[EXTENSION_ID]!;
    const reports = b.objects.filter((o) => o.type === "report" && (o.object_refs as string[]).includes(inc.id));
    const refs = reports.flatMap((r) => r.object_refs as string[]).map((id) => byId.get(id)).filter((o): o is StixObject => o !== undefined);
    return JSON.stringify({
      name: inc.name, labels: inc.labels, kill_chain_phases: inc.kill_chain_phases, marking: inc.object_marking_refs, ext,
      patterns: refs.filter((o) => o.type === "indicator").map((o) => o.pattern).sort(),
      identities: [...new Set(refs.filter((o) => o.type === "identity").map((o) => o.name))].sort(),
      reports: reports.map((r) => {
        const rext = (r.extensions as Record<string, Record<string, unknown>>)[EXTENSION_ID]!;
        return [r.name, r.published, rext.source, rext.fetched_at, rext.disclosed_on ?? null, rext.listing_date ?? null];
      }).sort(),
    });
  }).sort();
}

/** The words of each report, without white space (the archived copy is an HTML page, which keeps lines but not runs of spaces). */
function reportTexts(b: Bundle): Map<string, string> {
  return new Map(b.objects.filter((o) => o.type === "report").map((r) => {
    const ext = (r.extensions as Record<string, Record<string, unknown>>)[EXTENSION_ID]!;
    return [`${String(r.name)}|${String(ext.source)}`, String(ext.notice_text ?? "").replace(/\s+/g, "")];
  }));
}

before(async () => {
  source = await casebook(sourceDb);
});

after(async () => {
  await source.close();
});

test("every exported STIX object validates against the OASIS STIX 2.1 schemas and passes the validator's extra checks", { skip: !existsSync(STIX_SCHEMAS) && "../shared/stix2.1-json-schemas is not present" }, async (t) => {
  const schemas = stixSchemas()!;
  for (const maxTlp of ["CLEAR", "RED"] as const) {
    const { incidents, docs } = await collectIncidents(source, maxTlp);
    assert.ok(incidents.length >= 12, `${incidents.length} incidents`);
    for (const noticeText of [true, false]) {
      const bundle = JSON.parse(JSON.stringify(stixBundle(incidents, docs, { maxTlp, noticeText }))) as Bundle;
      const errors = bundle.objects.flatMap((o) => schemas.validate(o).map((e) => `${o.id}: ${e}`));
      assert.deepEqual(errors, []);
      // The official bundle schema lists neither incident nor extension-definition (each fails its custom-object
      // fallback, which both core and cyber-observable-core match), so the envelope is checked with the rest.
      assert.deepEqual(schemas.validateBundle({ ...bundle, objects: bundle.objects.filter((o) => schemas.bundleTypes.has(o.type)) }), []);
      assert.deepEqual(checkBundle(bundle), []);
      const counts: Record<string, number> = {};
      for (const o of bundle.objects) counts[o.type] = (counts[o.type] ?? 0) + 1;
      t.diagnostic(`TLP<=${maxTlp}${noticeText ? "" : " --no-text"}: ${bundle.objects.length} objects valid (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ")})`);
    }
  }
});

test("exports are byte-identical run after run, in every format; --out writes the same bytes atomically", async () => {
  for (const format of ["stix", "misp", "csv", "jsonl"]) {
    const a = await cli(["export", "--db", sourceDb, "--format", format, "--tlp", "RED"]);
    const b = await cli(["export", "--db", sourceDb, "--format", format, "--tlp", "RED"]);
    assert.equal(a.code, 0, a.stderr);
    assert.ok(a.stdout.length > 1000, format);
    assert.equal(a.stdout, b.stdout, format);
    const file = join(dir, `out.${format}`);
    writeFileSync(file, "old contents");
    const r = await cli(["export", "--db", sourceDb, "--format", format, "--tlp", "RED", "--out", file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`exported \\d+ incident\\(s\\) at TLP:RED or below as ${format}`));
    assert.equal(readFileSync(file, "utf8"), a.stdout);
  }
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith(".tmp")), [], "no temporary file left behind");
  assert.equal((await cli(["export", "--db", sourceDb, "--format", "xml"])).code, 2);
  assert.equal((await cli(["export", "--db", sourceDb, "--format", "csv", "--tlp", "PURPLE"])).code, 2);
  assert.equal((await cli(["export", "--db", sourceDb, "--format", "csv", "--out", join(dir, "no/such/dir/x.csv")])).code, 1);
});

test("a RED incident is absent from every format unless --tlp RED", async () => {
  const db = join(dir, "tlp.db");
  const store = await openStore(db);
  await ingest(store, [EXAMPLES], OWNER);
  await store.close();
  const hospital = (JSON.parse((await cli(["list", "--db", db, "--json"])).stdout) as { id: string; organization: string }[]).find((r) => r.organization.includes("みなと中央病院"))!;
  assert.equal((await cli(["edit", hospital.id, "tlp=RED", "--db", db, "--by", "tester"])).code, 0);
  const leaks = (s: string) => s.includes(hospital.id) || s.includes("みなと中央病院") || s.includes("e828b379-4e03-4974-9ac4-e53a884c97c1");
  for (const format of ["stix", "misp", "csv", "jsonl"]) {
    for (const tlp of [undefined, "AMBER+STRICT"]) {
      const r = await cli(["export", "--db", db, "--format", format, ...(tlp ? ["--tlp", tlp] : [])]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(!leaks(r.stdout), `${format} at ${tlp ?? "the default"} leaks the RED incident`);
      assert.ok(r.stdout.includes("さくら雑貨店"), `${format} still has the CLEAR incidents`);
    }
    assert.ok(leaks((await cli(["export", "--db", db, "--format", format, "--tlp", "RED"])).stdout), `${format} at RED`);
  }
});

test("STIX round trip: export, import into an empty store, export again gives the same incidents; list, search, show, re-import and reextract keep them", async () => {
  const { incidents, docs } = await collectIncidents(source, "RED");
  const first = JSON.parse(JSON.stringify(stixBundle(incidents, docs, { maxTlp: "RED" }))) as Bundle;
  const file = join(dir, "bundle.json");
  writeFileSync(file, JSON.stringify(first));
  const db = join(dir, "imported.db");
  const r = await cli(["import", "--format", "stix", file, "--db", db, "--by", "importer", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout) as { incidentsNew: number; warnings: string[] };
  assert.equal(summary.incidentsNew, incidents.length);
  // A source the extractor alone would not read as one incident notice (a listing entry out of its page) is kept as
  // imported, with a warning; the examples have none.
  for (const w of summary.warnings) assert.match(w, /kept as imported, but the extractor does not read its words as one incident notice/);
  assert.ok(summary.warnings.length <= first.objects.filter((o) => o.type === "report").length / 10, summary.warnings.join("\n"));

  const exportOf = async () => {
    const store = await openStore(db);
    try {
      const c = await collectIncidents(store, "RED");
      return { bundle: JSON.parse(JSON.stringify(stixBundle(c.incidents, c.docs, { maxTlp: "RED" }))) as Bundle, incidents: c.incidents };
    } finally {
      await store.close();
    }
  };
  const second = await exportOf();
  assert.deepEqual(projection(second.bundle), projection(first));
  assert.deepEqual(checkBundle(second.bundle), []);
  const before = reportTexts(first);
  for (const [key, text] of reportTexts(second.bundle)) assert.ok(text.endsWith(before.get(key)!), `the words of ${key}`);
  // Each source was placed into its incident as it was saved: none opened an incident only to be merged away.
  assert.ok(second.incidents.some((i) => i.notices.length > 1), "some incident has several sources");
  const trail = await openStore(db);
  try {
    for (const i of second.incidents) {
      assert.deepEqual(i.aliases, [], `${i.title} has no merged-away ids`);
      const actions = (await trail.history(i.id)).map((e) => e.action);
      assert.deepEqual(actions.filter((a) => a !== "edited" && a !== "source_added"), ["created"], `${i.title}: ${actions.join(", ")}`);
    }
  } finally {
    await trail.close();
  }

  const listed = JSON.parse((await cli(["list", "--db", db, "--json", "--limit", "1000"])).stdout) as { id: string; organization: string }[];
  assert.equal(listed.length, incidents.length);
  const found = JSON.parse((await cli(["search", "ランサムウェア", "--db", db, "--json"])).stdout) as { organization: string }[];
  assert.ok(found.some((x) => x.organization === "医療法人社団青葉会 みなと中央病院"));
  const hospital = listed.find((x) => x.organization === "医療法人社団青葉会 みなと中央病院")!;
  const shown = await cli(["show", hospital.id, "--db", db]);
  assert.equal(shown.code, 0);
  assert.match(shown.stdout, /affected_count: 12400 +\[corrected by importer/);
  // The export named the local file by its archived document's SHA-256, never by its path.
  const original = incidents.find((i) => i.organization === "医療法人社団青葉会 みなと中央病院")!.notices[0]!.document;
  assert.match(shown.stdout, new RegExp(`sources:\\n\\s+ntc_\\w+\\s+sha256:${original}`));
  assert.ok(!shown.stdout.includes("examples/notices"));

  const again = JSON.parse((await cli(["import", "--format", "stix", file, "--db", db, "--json"])).stdout) as { incidentsNew: number; incidentsUpdated: number; incidentsUnchanged: number };
  assert.deepEqual([again.incidentsNew, again.incidentsUpdated, again.incidentsUnchanged], [0, 0, incidents.length]);
  assert.equal(JSON.stringify((await exportOf()).bundle), JSON.stringify(second.bundle), "re-importing changes nothing");

  const re = await cli(["reextract", "--db", db]);
  assert.equal(re.code, 0, re.stderr);
  const forcedTitles = new Set(summary.warnings.map((w) => /"(.*)" kept as imported/.exec(w)![1]!));
  // Re-extraction takes titles from the words again, so white space inside them may change.
  const title = (i: IncidentDetail) => i.title.replace(/\s+/g, " ");
  const after = new Map((await exportOf()).incidents.map((i) => [title(i), JSON.stringify(i.fields)]));
  for (const i of second.incidents) {
    if (forcedTitles.has(i.title)) continue;
    assert.equal(after.get(title(i)), JSON.stringify(i.fields), `re-extraction keeps the imported fields of ${i.title}`);
  }
});

test("MISP round trip: export, import into an empty store, the incidents come back with their fields, tags and TLP", async () => {
  const { incidents, docs } = await collectIncidents(source, "RED");
  const store = await openStore(join(dir, "misp.db"));
  try {
    const summary = await importPlan(store, mispImportPlan(JSON.parse(JSON.stringify(mispEvents(incidents, docs, { maxTlp: "RED" })))), { who: "importer", clearance: "RED" }, "MISP test");
    for (const w of summary.warnings) assert.match(w, /kept as imported, but the extractor does not read its words as one incident notice/);
    assert.equal(summary.incidentsNew, incidents.length);
    const back = (await collectIncidents(store, "RED")).incidents;
    // MISP has no place for a count's qualifiers (約, 最大…) and no tag for VERIS action "unknown" beside a known one.
    const key = (i: IncidentDetail) => JSON.stringify([i.title, i.tlp, { ...i.fields, secondary_counts: i.fields.secondary_counts.map((c) => ({ ...c, qualifiers: [] })) },
      i.tags.filter((t) => !(t.taxonomy === "veris_action" && t.value === "unknown" && i.tags.some((x) => x.taxonomy === "veris_action" && x.value !== "unknown")))
        .map((t) => `${t.taxonomy}:${t.value}`).sort()]);
    assert.deepEqual(back.map(key).sort(), incidents.map(key).sort());
  } finally {
    await store.close();
  }
});

test("import refuses what it cannot read", async () => {
  const bad = join(dir, "bad.json");
  writeFileSync(bad, "{not json");
  assert.equal((await cli(["import", "--format", "stix", bad, "--db", join(dir, "x.db")])).code, 1);
  writeFileSync(bad, JSON.stringify({ type: "report" }));
  const r = await cli(["import", "--format", "stix", bad, "--db", join(dir, "x.db")]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /not a STIX 2.1 bundle/);
  assert.equal((await cli(["import", "--format", "openioc", bad])).code, 2);
});
