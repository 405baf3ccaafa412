import { test } from "node:test";
import assert from "node:assert/strict";
import { makeTag } from "../../intel/taxonomies/tag.js";
import { incident } from "../testkit.js";
import { mispEvents, mispTags, threatLevel } from "./export.js";
import { mispEventsOf, mispImportPlan } from "./import.js";
import { attackGalaxyTag, splitMachineTag, taxonomyOfTag, verisTags } from "./tags.js";

const label = { ja: "", en: "" };
const hospital = incident("inc_00000000000000a1", {
  title: "ランサムウェア被害に関するお知らせ",
  fields: {
    organization: "医療法人テスト会 みなと病院", other_parties: ["保守ベンダー株式会社"], sector: "medical", disclosed_on: "2024-06-12", discovered_on: "2024-06-01",
    exposure_period: { from: "2024-05-20", to: "2024-06-01" }, incident_types: ["ransomware", "unauthorized_access"], affected_count: 12400,
    affected_count_text: "約12,400名", secondary_counts: [{ value: 30, text: "取引先30社", qualifiers: [] }], data_types: ["name", "health"],
    reported_to: ["ppc", "police"], indicators: ["203.0.113.7", "https://leak.example/x", "ransom@bad.example", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    cause: { text: "VPN機器の脆弱性", category: "vulnerability" }, response: ["ネットワーク遮断"], measures: ["VPN更新"], status: "investigating", casebook_id: "No.7",
  },
  tags: [
    makeTag("tsr_cause", "ウイルス感染・不正アクセス", label, "r", 0.9), makeTag("tsr_medium", "社内システム・サーバー", label, "r", 0.9),
    makeTag("attack", "T1486", label, "r", 0.9), makeTag("attack", "T1566.002", label, "r", 0.8),
    makeTag("veris_action", "malware.ransomware", label, "r", 0.8), makeTag("veris_action", "hacking", label, "r", 0.6),
    makeTag("veris_asset", "S - File", label, "r", 0.7), makeTag("veris_attribute", "confidentiality", { ja: "機密性", en: "Confidentiality: Personal, Medical" }, "r", 0.8),
    makeTag("veris_attribute", "availability", { ja: "可用性", en: "Availability: Obscuration" }, "r", 0.8), makeTag("basics", "manage_what_you_run", label, "r", 0.8),
  ],
});

test("tags: TLP, jikenbo: machine tags, the ATT&CK galaxy and the veris taxonomy", () => {
  const tags = mispTags(hospital);
  for (const t of [
    "tlp:clear", 'jikenbo:incident-type="ransomware"', 'jikenbo:sector="medical"', 'jikenbo:data-type="health"', 'jikenbo:reported-to="ppc"',
    'jikenbo:status="investigating"', 'jikenbo:cause-category="vulnerability"', 'jikenbo:tsr-cause="ウイルス感染・不正アクセス"',
    'jikenbo:tsr-medium="社内システム・サーバー"', 'jikenbo:basics="manage_what_you_run"',
    'misp-galaxy:mitre-attack-pattern="Data Encrypted for Impact - T1486"', 'misp-galaxy:mitre-attack-pattern="Spearphishing Link - T1566.002"',
    'veris:action:malware:variety="Ransomware"', 'veris:action:hacking:variety="Unknown"', 'veris:asset:variety="S - File"',
    'veris:attribute:confidentiality:data:variety="Personal"', 'veris:attribute:confidentiality:data:variety="Medical"', 'veris:attribute:availability:variety="Obscuration"',
  ]) assert.ok(tags.includes(t), t);
  assert.equal(mispTags(incident("inc_00000000000000b2", { tlp: "AMBER+STRICT" }))[0], "tlp:amber+strict");
  assert.equal(attackGalaxyTag("T9999"), null);
  assert.deepEqual(verisTags(makeTag("veris_action", "unknown", label, "r", 0.5)), []);
  assert.deepEqual(splitMachineTag('a:b="c \\"d\\""'), { namespace: "a", predicate: "b", value: 'c "d"' });
  for (const t of tags) {
    const back = taxonomyOfTag(t);
    if (back) assert.ok(hospital.tags.some((x) => x.taxonomy === back.taxonomy && x.value === back.value), t);
  }
});

test("an event per incident: info, date, threat level, analysis, distribution, typed attributes, reports", () => {
  const [wrapped] = mispEvents([hospital], new Map([[hospital.notices[0]!.document, { sha256: "", mediaType: "text/plain", charset: "utf-8", size: 1, title: null, published: null, parent: null, sources: [], messages: [], text: "当院のサーバーがランサムウェアに感染し…" }]]));
  const e = wrapped!.Event;
  assert.equal(e.info, "ランサムウェア被害に関するお知らせ");
  assert.equal(e.date, "2024-06-12");
  assert.equal(e.threat_level_id, "1");
  assert.equal(e.analysis, "1");
  assert.equal(e.distribution, "3");
  assert.equal(e.Orgc.name, "Jikenbo");
  assert.match(e.uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const attr = (type: string) => e.Attribute.filter((a) => a.type === type).map((a) => [a.value, a.comment, a.category, a.to_ids]);
  assert.deepEqual(attr("target-org"), [["医療法人テスト会 みなと病院", "organization", "Targeting data", false]]);
  assert.deepEqual(attr("ip-dst"), [["203.0.113.7", "indicator: attacker-side, named in the notice", "Network activity", true]]);
  assert.deepEqual(attr("url").map((a) => a[0]), ["https://leak.example/x"]);
  assert.deepEqual(attr("email-src").map((a) => a[0]), ["ransom@bad.example"]);
  assert.deepEqual(attr("sha256").map((a) => a[2]), ["Payload delivery"]);
  assert.deepEqual(attr("counter"), [["12400", "affected_count: 約12,400名", "Other", false], ["30", "secondary_count: 取引先30社", "Other", false]]);
  assert.deepEqual(attr("link"), [["https://example.jp/news/inc_00000000000000a1.html", hospital.title, "External analysis", false]]);
  assert.equal(e.EventReport?.[0]?.content, "当院のサーバーがラン", "the notice's span of the document");
  assert.equal(new Set(e.Attribute.map((a) => a.uuid)).size, e.Attribute.length);
  assert.deepEqual(mispEvents([incident("inc_00000000000000b2", { tlp: "RED" })], new Map()), []);
  assert.equal(mispEvents([incident("inc_00000000000000b2", { tlp: "GREEN" })], new Map(), { maxTlp: "GREEN" })[0]!.Event.distribution, "1");
  assert.equal(threatLevel(incident("inc_00000000000000c3", { fields: { incident_types: ["misdelivery"] } })), "3");
  assert.equal(threatLevel(incident("inc_00000000000000c3", { fields: { incident_types: ["phishing"] } })), "2");
  assert.equal(threatLevel(incident("inc_00000000000000c3")), "4");
});

test("round trip: the events read back into the same fields, tags and TLP, in every wrapping MISP uses", () => {
  const events = JSON.parse(JSON.stringify(mispEvents([hospital], new Map())));
  for (const form of [events, { response: events }, events[0], events[0].Event]) {
    const plan = mispImportPlan(form);
    assert.deepEqual(plan.warnings, []);
    const got = plan.incidents[0]!;
    assert.deepEqual(got.fields, hospital.fields);
    assert.equal(got.tlp, "CLEAR");
    const values = got.tags!.map((t) => `${t.taxonomy}:${t.value}`).sort();
    const expected = [...hospital.tags.map((t) => `${t.taxonomy}:${t.value}`), "incident_type:ransomware", "incident_type:unauthorized_access", "sector:medical", "tlp:CLEAR"].sort();
    assert.deepEqual(values, expected);
    assert.equal(got.sources[0]!.source, "https://example.jp/news/inc_00000000000000a1.html");
  }
});

test("plain MISP events: info, date, target-org, indicators, TLP from tags or distribution", () => {
  const plan = mispImportPlan({
    response: [{ Event: {
      uuid: "5f0c1b2a-3d4e-4f50-8a6b-7c8d9e0f1a2b", info: "Phishing wave against Example KK", date: "2024-09-01", distribution: "0", timestamp: "1725148800",
      Tag: [{ name: "type:OSINT" }],
      Attribute: [
        { type: "target-org", category: "Targeting data", value: "Example KK" },
        { type: "domain", category: "Network activity", value: "examp1e-login.example", to_ids: true },
        { type: "ip-src", category: "Network activity", value: "198.51.100.4" },
        { type: "comment", category: "Other", value: "Mails claimed to be invoices." },
        { type: "link", category: "External analysis", value: "https://blog.example/phish" },
      ],
      Object: [{ name: "url", Attribute: [{ type: "url", value: "https://examp1e-login.example/a" }] }],
    } }],
  });
  const inc = plan.incidents[0]!;
  assert.deepEqual(inc.fields, { organization: "Example KK", disclosed_on: "2024-09-01", indicators: ["examp1e-login.example", "198.51.100.4", "https://examp1e-login.example/a"] });
  assert.equal(inc.tlp, "AMBER", "distribution 0 (your organisation only)");
  assert.equal(inc.tags, null);
  assert.deepEqual(inc.sources.map((s) => [s.source, s.text, s.fetchedAt]), [["https://blog.example/phish", "Phishing wave against Example KK\n\nMails claimed to be invoices.", "2024-09-01T00:00:00.000Z"]]);
  assert.equal(mispEventsOf({ Event: { info: "x", Tag: [{ name: "tlp:red" }] } }).length, 1);
  assert.equal(mispImportPlan({ Event: { info: "x", Tag: [{ name: "tlp:red" }] } }).incidents[0]!.tlp, "RED");
  assert.throws(() => mispImportPlan({ nothing: 1 }), /no MISP events/);
});
