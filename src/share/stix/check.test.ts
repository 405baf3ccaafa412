import { test } from "node:test";
import assert from "node:assert/strict";
import { checkBundle } from "./check.js";
import { stixBundle, type Bundle } from "./export.js";
import { incident } from "../testkit.js";

const good = (): Bundle => stixBundle([incident("inc_00000000000000a1", { fields: { organization: "株式会社テスト", indicators: ["https://bad.example/x"], incident_types: ["phishing"] } })], new Map());

test("a Jikenbo bundle passes every check", () => {
  assert.deepEqual(checkBundle(good()), []);
});

test("each problem the schemas miss is reported", () => {
  const cases: [string, (b: Bundle) => void, RegExp][] = [
    ["id of another type", (b) => { b.objects.find((o) => o.type === "incident")!.id = "report--6a7d3c0b-1c1e-5d6f-8a9b-0c1d2e3f4a5b"; }, /does not start with its type/],
    ["not a UUID", (b) => { b.objects.find((o) => o.type === "incident")!.id = "incident--6a7d3c0b-1c1e-0d6f-8a9b-0c1d2e3f4a5b"; }, /not an RFC 4122 UUID/],
    ["modified before created", (b) => { b.objects.find((o) => o.type === "incident")!.modified = "2000-01-01T00:00:00.000Z"; }, /modified is before created/],
    ["dangling reference", (b) => { b.objects.find((o) => o.type === "report")!.object_refs = ["identity--6a7d3c0b-1c1e-5d6f-8a9b-0c1d2e3f4a5b"]; }, /not in the bundle/],
    ["missing marking", (b) => { b.objects = b.objects.filter((o) => o.type !== "marking-definition"); }, /object_marking_refs\[0\] points to marking-definition--/],
    ["missing extension definition", (b) => { b.objects = b.objects.filter((o) => o.type !== "extension-definition"); }, /has no extension-definition/],
    ["bad pattern", (b) => { b.objects.find((o) => o.type === "indicator")!.pattern = "[url:value = 'it's']"; }, /invalid pattern/],
    ["indicates an incident", (b) => { b.objects.find((o) => o.type === "relationship" && String(o.source_ref).startsWith("indicator--"))!.relationship_type = "indicates"; }, /defines no indicates relationship from indicator to incident/],
    ["incident targets identity", (b) => { b.objects.find((o) => o.type === "relationship" && String(o.target_ref).startsWith("identity--"))!.relationship_type = "targets"; }, /defines no targets relationship from incident to identity/],
    ["bad vocabulary", (b) => { b.objects.find((o) => o.type === "indicator")!.indicator_types = ["evil"]; }, /indicator_types value evil/],
    ["bad timestamp", (b) => { b.objects.find((o) => o.type === "report")!.published = "2024-13-01T00:00:00Z"; }, /published is not a valid timestamp/],
  ];
  for (const [name, spoil, why] of cases) {
    const b = good();
    spoil(b);
    assert.ok(checkBundle(b).some((e) => why.test(e)), `${name}: ${checkBundle(b).join("; ")}`);
  }
  assert.deepEqual(checkBundle({ type: "x" }), ["not a STIX bundle"]);
});
