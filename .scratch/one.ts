import { readFileSync } from "node:fs";
import { makeDocument } from "../src/core/document.js";
import { analyse, openDocument } from "../src/core/pipeline.js";
const f = process.argv[2]!;
for (const cf of await openDocument(makeDocument(readFileSync(f), { source: f }))) {
  analyse(cf);
  console.log(cf.messages.map((m) => m.text).join("\n"));
  for (const n of cf.notices) console.log(JSON.stringify({ title: n.title, span: n.span, kind: n.kind, inc: n.isIncident, listingDate: n.listingDate, reason: n.reason, disclosed: n.incident?.fields.disclosed_on, org: n.incident?.fields.organization }));
}
