import { test } from "node:test";
import assert from "node:assert/strict";
import { makeTag } from "../../intel/taxonomies/tag.js";
import { incident } from "../testkit.js";
import { stixBundle } from "./export.js";
import { stixImportPlan } from "./import.js";

test("a Jikenbo bundle reads back into every field, tag value, TLP and source", () => {
  const inc = incident("inc_00000000000000c3", {
    tlp: "AMBER",
    fields: {
      organization: "株式会社テスト", other_parties: ["委託先システムズ"], disclosed_on: "2024-03-04", discovered_on: "2024-02-01",
      exposure_period: { from: null, to: "2024-02-01" }, incident_types: ["web_skimming"], affected_count: 3827, affected_count_text: "3,827件",
      secondary_counts: [{ value: 10, text: "10社", qualifiers: ["約"] }], data_types: ["credit_card_number"], reported_to: ["ppc", "police"],
      sector: "retail_ec", indicators: ["203.0.113.9"], cause: { text: "決済画面の改ざん", category: "vulnerability" }, response: ["カード決済停止"],
      measures: ["WAF導入"], status: "resolved", casebook_id: "No.42",
    },
    tags: [makeTag("attack", "T1056.003", { ja: "", en: "" }, "r", 0.5), makeTag("basics", "manage_what_you_run", { ja: "", en: "" }, "r", 0.8)],
  });
  const docs = new Map([[inc.notices[0]!.document, { sha256: inc.notices[0]!.document, mediaType: "text/html", charset: "utf-8", size: 9, title: null, published: null, parent: null, sources: [], messages: [], text: "カード情報流出のお詫び本文です" }]]);
  const plan = stixImportPlan(JSON.parse(JSON.stringify(stixBundle([inc], docs, { maxTlp: "RED" }))));
  assert.deepEqual(plan.warnings, []);
  assert.equal(plan.incidents.length, 1);
  const got = plan.incidents[0]!;
  assert.deepEqual(got.fields, inc.fields);
  assert.equal(got.tlp, "AMBER");
  assert.deepEqual(got.tags!.map((t) => `${t.taxonomy}:${t.value}`).sort(), ["attack:T1056.003", "basics:manage_what_you_run", "incident_type:web_skimming", "sector:retail_ec", "tlp:AMBER"]);
  assert.deepEqual(got.sources, [{
    title: inc.title, source: inc.notices[0]!.source, fetchedAt: inc.notices[0]!.fetched_at, published: null, disclosedOn: "2024-03-04",
    listingDate: null, text: "カード情報流出のお詫び本文です".slice(0, 10), originalSha256: inc.notices[0]!.document,
  }]);
});

test("foreign bundles: incidents give name, organisation, indicators and TLP; lone reports become documents; junk is refused", () => {
  const plan = stixImportPlan({
    type: "bundle", id: "bundle--1b7e1e6d-6c55-4b3a-9a4e-7f0d7c0e9a11",
    objects: [
      { type: "incident", spec_version: "2.1", id: "incident--5b1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", created: "2024-05-01T00:00:00.000Z", modified: "2024-05-01T00:00:00.000Z",
        name: "Breach at Example KK", description: "Card data stolen.", labels: ["web_skimming", "big"], object_marking_refs: ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"] },
      { type: "identity", spec_version: "2.1", id: "identity--0c5d2b1a-3e4f-4a5b-8c6d-7e8f9a0b1c2d", created: "2024-05-01T00:00:00.000Z", modified: "2024-05-01T00:00:00.000Z", name: "Example KK", identity_class: "organization" },
      { type: "relationship", spec_version: "2.1", id: "relationship--7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", created: "2024-05-01T00:00:00.000Z", modified: "2024-05-01T00:00:00.000Z",
        relationship_type: "related-to", source_ref: "incident--5b1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", target_ref: "identity--0c5d2b1a-3e4f-4a5b-8c6d-7e8f9a0b1c2d" },
      { type: "indicator", spec_version: "2.1", id: "indicator--1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", created: "2024-05-01T00:00:00.000Z", modified: "2024-05-01T00:00:00.000Z",
        pattern: "[domain-name:value = 'skim.example']", pattern_type: "stix", valid_from: "2024-05-01T00:00:00Z" },
      { type: "report", spec_version: "2.1", id: "report--2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d", created: "2024-05-02T00:00:00.000Z", modified: "2024-05-02T00:00:00.000Z",
        name: "Skimming report", published: "2024-05-02T00:00:00Z", object_refs: ["incident--5b1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", "indicator--1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"],
        external_references: [{ source_name: "web", url: "https://news.example/skim" }] },
      { type: "report", spec_version: "2.1", id: "report--3c4d5e6f-7081-4b9c-8d1e-2f3a4b5c6d7e", created: "2024-05-03T00:00:00.000Z", modified: "2024-05-03T00:00:00.000Z",
        name: "不正アクセスに関するお知らせ", description: "当社サーバーへの不正アクセスを確認しました。", published: "2024-05-03T00:00:00Z", object_refs: ["identity--0c5d2b1a-3e4f-4a5b-8c6d-7e8f9a0b1c2d"] },
      { nonsense: true },
    ],
  });
  assert.equal(plan.incidents.length, 1);
  const inc = plan.incidents[0]!;
  assert.deepEqual(inc.fields, { organization: "Example KK", indicators: ["skim.example"], incident_types: ["web_skimming"] });
  assert.equal(inc.tlp, "GREEN", "the TLP 1.0 GREEN marking");
  assert.equal(inc.tags, null);
  assert.equal(inc.sources[0]!.source, "https://news.example/skim");
  assert.deepEqual(plan.documents.map((d) => [d.title, d.text]), [["不正アクセスに関するお知らせ", "不正アクセスに関するお知らせ\n\n当社サーバーへの不正アクセスを確認しました。"]]);
  assert.match(plan.warnings.join(), /1 object\(s\) without type or id skipped/);
  assert.throws(() => stixImportPlan({ type: "report" }), /not a STIX 2.1 bundle/);
});
