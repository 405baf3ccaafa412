import { test } from "node:test";
import assert from "node:assert/strict";
import { CSV_COLUMNS, csvCell, incidentsCsv } from "./csv.js";
import { incidentsJsonl } from "./jsonl.js";
import { incident } from "./testkit.js";

test("cells: RFC 4180 quoting, lists joined with ;, formula triggers defused", () => {
  assert.equal(csvCell("plain"), "plain");
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(12400), "12400");
  assert.equal(csvCell(["name", "email"]), "name;email");
  assert.equal(csvCell('say "hi", then\nleave'), '"say ""hi"", then\nleave"');
  assert.equal(csvCell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  for (const c of ["+1", "-1+2", "@SUM(A1)", "\tx", "\rx"]) assert.ok(csvCell(c).replace(/^"/, "").startsWith("'"), c);
  assert.equal(csvCell(["=1", "b"]), "'=1;b", "a list starting with a trigger");
});

test("a header row, one CRLF-ended row per incident, TLP filtered, optional BOM", () => {
  const a = incident("inc_00000000000000a1", { fields: { organization: "株式会社,カンマ", incident_types: ["phishing", "account_takeover"], affected_count: 5 } });
  const red = incident("inc_00000000000000b2", { tlp: "RED", fields: { organization: "秘密" } });
  const csv = incidentsCsv([a, red]);
  const lines = csv.split("\r\n");
  assert.equal(lines[0], CSV_COLUMNS.join(","));
  assert.equal(lines.length, 3, "header, one row, and the empty string after the last CRLF");
  assert.ok(lines[1]!.startsWith(`inc_00000000000000a1,${a.title},CLEAR,"株式会社,カンマ",`));
  assert.ok(lines[1]!.includes(",phishing;account_takeover,5,"));
  assert.ok(!csv.includes("秘密"));
  assert.ok(incidentsCsv([a, red], { maxTlp: "RED" }).includes("秘密"));
  assert.ok(incidentsCsv([a], { bom: true }).startsWith("\ufeffid,"));
});

test("JSON Lines: one incident per line, TLP filtered", () => {
  const a = incident("inc_00000000000000a1", { fields: { organization: "改行\nを含む" } });
  const red = incident("inc_00000000000000b2", { tlp: "RED" });
  const out = incidentsJsonl([a, red]);
  assert.equal(out.split("\n").length, 2);
  assert.deepEqual(JSON.parse(out.split("\n")[0]!), a);
  assert.equal(incidentsJsonl([a, red], { maxTlp: "RED" }).split("\n").length, 3);
});
