import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { makeTag } from "../../intel/taxonomies/tag.js";
import { incident } from "../testkit.js";
import { checkBundle } from "./check.js";
import { EXTENSION_ID, EXTENSION_SCHEMA } from "./extension.js";
import { stixBundle, type StixObject } from "./export.js";
import { stixId } from "./ids.js";
import { TLP2_MARKING_IDS } from "./tlp.js";

const hospital = incident("inc_00000000000000a1", {
  title: "ランサムウェア被害に関するお知らせ",
  fields: {
    organization: "医療法人テスト会 みなと病院", sector: "medical", disclosed_on: "2024-06-12", incident_types: ["ransomware", "unauthorized_access"],
    affected_count: 12400, affected_count_text: "約12,400名", data_types: ["name", "health"], indicators: ["https://leak.example/it's"],
    exposure_period: { from: "2024-05-01", to: null }, cause: { text: "VPN機器の脆弱性", category: "vulnerability" },
  },
  tags: [makeTag("attack", "T1486", { ja: "", en: "" }, "r", 0.9), makeTag("tsr_cause", "ウイルス感染・不正アクセス", { ja: "", en: "" }, "r", 0.9)],
});
const secret = incident("inc_00000000000000b2", {
  title: "非公開の事案", tlp: "RED",
  fields: { organization: "医療法人テスト会 みなと病院", sector: "finance", discovered_on: "2024-07-01", incident_types: ["insider"], indicators: ["https://leak.example/it's", "evil@bad.example"] },
});
const of = (objects: StixObject[], type: string) => objects.filter((o) => o.type === type);

test("only incidents the TLP allows are exported (CLEAR by default), and nothing of a withheld one leaks", () => {
  const clear = stixBundle([hospital, secret], new Map());
  assert.deepEqual(of(clear.objects, "incident").map((o) => o.name), ["ランサムウェア被害に関するお知らせ"]);
  const text = JSON.stringify(clear);
  for (const word of ["非公開", "evil@bad.example", "financial-services", TLP2_MARKING_IDS.RED]) assert.ok(!text.includes(word), word);
  const red = stixBundle([hospital, secret], new Map(), { maxTlp: "RED" });
  assert.equal(of(red.objects, "incident").length, 2);
  assert.deepEqual(checkBundle(red), []);
});

test("shared objects take the least restricted incident's marking and only its content", () => {
  const red = stixBundle([hospital, secret], new Map(), { maxTlp: "RED" });
  const org = of(red.objects, "identity").find((o) => o.name === "医療法人テスト会 みなと病院")!;
  assert.deepEqual(org.object_marking_refs, [TLP2_MARKING_IDS.CLEAR]);
  assert.deepEqual(org.sectors, ["healthcare"], "the RED incident's sector stays out of the CLEAR identity");
  const leak = of(red.objects, "indicator").find((o) => o.name === "https://leak.example/it's")!;
  assert.deepEqual(leak.object_marking_refs, [TLP2_MARKING_IDS.CLEAR]);
  const evil = of(red.objects, "indicator").find((o) => o.name === "evil@bad.example")!;
  assert.deepEqual(evil.object_marking_refs, [TLP2_MARKING_IDS.RED]);
  const secretIncident = of(red.objects, "incident").find((o) => o.name === "非公開の事案")!;
  assert.deepEqual(secretIncident.object_marking_refs, [TLP2_MARKING_IDS.RED]);
  for (const r of of(red.objects, "relationship").filter((o) => o.source_ref === secretIncident.id || o.target_ref === secretIncident.id)) {
    assert.deepEqual(r.object_marking_refs, [TLP2_MARKING_IDS.RED], String(r.id));
  }
  const markings = of(red.objects, "marking-definition");
  assert.deepEqual(markings.map((m) => m.name), ["TLP:CLEAR", "TLP:RED"]);
  assert.deepEqual(markings[1], {
    type: "marking-definition", spec_version: "2.1", id: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", created: "2022-10-01T00:00:00.000Z",
    name: "TLP:RED", extensions: { "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": { extension_type: "property-extension", tlp_2_0: "red" } },
  });
});

test("the incident: name, labels, kill chain from ATT&CK, extension with every field, valid relationships", () => {
  const b = stixBundle([hospital], new Map());
  const inc = of(b.objects, "incident")[0]!;
  assert.equal(inc.id, stixId("incident", hospital.id));
  assert.deepEqual(inc.labels, ["ransomware", "unauthorized_access"]);
  assert.deepEqual(inc.kill_chain_phases, [{ kill_chain_name: "mitre-attack", phase_name: "impact" }]);
  const ext = (inc.extensions as Record<string, Record<string, unknown>>)[EXTENSION_ID]!;
  assert.equal(ext.extension_type, "property-extension");
  assert.equal(ext.affected_count, 12400);
  assert.equal(ext.tsr_cause, "ウイルス感染・不正アクセス");
  assert.deepEqual(ext.exposure_period, { from: "2024-05-01", to: null });
  assert.ok(!("other_parties" in ext) && !("casebook_id" in ext), "empty lists and nulls are left out");
  const types = of(b.objects, "relationship").map((r) => `${String(r.source_ref).split("--")[0]} ${r.relationship_type} ${String(r.target_ref).split("--")[0]}`).sort();
  assert.deepEqual(types, ["attack-pattern targets identity", "incident related-to attack-pattern", "incident related-to identity", "indicator related-to incident"]);
  const ind = of(b.objects, "indicator")[0]!;
  assert.equal(ind.pattern, "[url:value = 'https://leak.example/it\\'s']");
  assert.equal(ind.valid_from, "2024-06-12T00:00:00.000Z");
  const report = of(b.objects, "report")[0]!;
  assert.equal(report.published, "2024-06-12T00:00:00.000Z", "the date the notice states");
  assert.deepEqual((report.external_references as unknown[])[0], { source_name: "jikenbo-archive", url: "https://example.jp/news/inc_00000000000000a1.html", hashes: { "SHA-256": hospital.notices[0]!.document } });
  assert.ok((report.object_refs as string[]).includes(inc.id));
});

test("incidents relate to each other: related-to when they share something, derived-from when one was split off the other", () => {
  const parent = incident("inc_00000000000000d4", { fields: { organization: "株式会社テスト" } });
  const child = incident("inc_00000000000000e5", { fields: { organization: "株式会社テスト" }, notices: [{ link: { method: "first", score: null, reason: "split off inc_00000000000000d4 by analyst: two incidents", by: "analyst", at: "2025-01-03T00:00:00.000Z" } }] });
  parent.related = [{ id: child.id, title: child.title, organization: "株式会社テスト", reason: "same organisation 株式会社テスト" }, { id: "inc_withheld000000", title: "秘", organization: null, reason: "x" }];
  child.related = [{ id: parent.id, title: parent.title, organization: "株式会社テスト", reason: "same organisation 株式会社テスト" }];
  const b = stixBundle([parent, child], new Map());
  const between = of(b.objects, "relationship").filter((r) => String(r.source_ref).startsWith("incident--") && String(r.target_ref).startsWith("incident--"));
  assert.deepEqual(between.map((r) => [r.relationship_type, r.source_ref, r.target_ref, r.description]).sort(), [
    ["derived-from", stixId("incident", child.id), stixId("incident", parent.id), "split off this incident by an analyst"],
    ["related-to", stixId("incident", parent.id), stixId("incident", child.id), "same organisation 株式会社テスト"],
  ]);
  assert.deepEqual(checkBundle(b), []);
});

test("the same incidents give the same bytes, whatever order they come in", () => {
  const a = JSON.stringify(stixBundle([hospital, secret], new Map(), { maxTlp: "RED" }));
  const b = JSON.stringify(stixBundle([secret, hospital], new Map(), { maxTlp: "RED" }));
  assert.equal(a, b);
  assert.notEqual(stixBundle([hospital], new Map()).id, stixBundle([hospital, secret], new Map(), { maxTlp: "RED" }).id);
});

test("extension properties follow the published extension schema, and the schema file matches the code", () => {
  const ajv = new Ajv2020.default({ strict: false });
  const validate = ajv.compile(EXTENSION_SCHEMA);
  for (const o of stixBundle([hospital, secret], new Map([[hospital.notices[0]!.document, { sha256: "", mediaType: "text/plain", charset: "utf-8", size: 1, title: null, published: null, parent: null, sources: [], messages: [], text: "ランサムウェア被害に関するお知らせ本文" }]]), { maxTlp: "RED" }).objects) {
    const ext = (o.extensions as Record<string, unknown> | undefined)?.[EXTENSION_ID];
    if (ext) assert.ok(validate(ext), `${o.id}: ${JSON.stringify(validate.errors)}`);
  }
  const file = JSON.parse(readFileSync(new URL("./jikenbo-extension.schema.json", import.meta.url), "utf8"));
  assert.deepEqual(file, JSON.parse(JSON.stringify(EXTENSION_SCHEMA)));
});
