// The Atom feed: well-formed, stable entry ids, every text escaped, TLP:CLEAR unless signed in.
import assert from "node:assert/strict";
import { DOMParser } from "linkedom";
import { after, before, test } from "node:test";
import type { IncidentSummary, Store } from "../store/types.js";
import { addUsers, appFor, bearer, emptyStore, seed, type Tokens } from "../../test/http-kit.js";
import { escapeMarkup as xmlText } from "../core/escape.js";
import { atomFeed } from "./atom.js";

let store: Store;
let tokens: Tokens;

before(async () => {
  store = await emptyStore();
  tokens = await addUsers(store);
  await seed(store);
});

after(() => store.close());

test("escapeMarkup escapes markup and replaces characters XML 1.0 cannot carry", () => {
  assert.equal(xmlText(`<a href="x">&'</a>`), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  assert.equal(xmlText("a\u0000b\u001bc\ud800d\uffff"), "a\ufffdb\ufffdc\ufffdd\ufffd");
  assert.equal(xmlText("改行\nタブ\t絵文字😀"), "改行\nタブ\t絵文字😀");
});

test("the feed parses as Atom with one entry per incident and stable urn ids", async () => {
  const app = appFor(store);
  const res = await app.request("/feeds/incidents.atom?limit=500");
  assert.equal(res.headers.get("content-type"), "application/atom+xml; charset=utf-8");
  const xml = await res.text();
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const entries = [...doc.querySelectorAll("entry")];
  const listed = await store.listIncidents({ limit: 500 });
  assert.equal(entries.length, listed.length);
  assert.deepEqual(entries.map((e) => e.querySelector("id")!.textContent), listed.map((i) => `urn:jikenbo:incident:${i.id}`));
  assert.equal(doc.querySelector("feed > id")!.textContent, "urn:jikenbo:feed:incidents");
  assert.equal(await (await app.request("/feeds/incidents.atom?limit=500")).text(), xml, "the same casebook gives the same feed");
  const hostile = atomFeed([{ ...listed[0]!, title: "</title><script>x</script>", organization: "A&B <img onerror=1>" } as IncidentSummary], new URL("http://h/feeds/incidents.atom?a=1&b=2"));
  assert.ok(hostile.includes("&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;") && hostile.includes("A&amp;B &lt;img onerror=1&gt;") && hostile.includes("a=1&amp;b=2"));
});

test("anonymous readers get TLP:CLEAR entries only; a signed-in reader gets up to their clearance", async () => {
  const [first] = await store.listIncidents({ limit: 1 });
  await store.edit(first!.id, [{ field: "tlp", value: "GREEN" }], { who: "admin", clearance: "RED" });
  const app = appFor(store);
  const entry = `urn:jikenbo:incident:${first!.id}`;
  assert.ok(!(await (await app.request("/feeds/incidents.atom")).text()).includes(entry));
  assert.ok(!(await (await app.request("/feeds/incidents.atom", { headers: bearer(tokens.clara) })).text()).includes(entry));
  assert.ok((await (await app.request("/feeds/incidents.atom", { headers: bearer(tokens.vic) })).text()).includes(entry));
});

test("the monthly digest feed: one entry a month with incidents, newest first, linking to the digest; counts within the reader's clearance", async () => {
  const app = appFor(store);
  const res = await app.request("/feeds/reports/monthly.atom?limit=60");
  assert.equal(res.headers.get("content-type"), "application/atom+xml; charset=utf-8");
  const doc = new DOMParser().parseFromString(await res.text(), "text/xml");
  const ids = [...doc.querySelectorAll("entry > id")].map((e) => e.textContent!);
  const months = [...new Set((await store.listIncidents({ limit: -1, tlp: ["CLEAR"] })).map((i) => (i.disclosed_on ?? i.discovered_on)?.slice(0, 7)).filter(Boolean))].sort().reverse();
  assert.deepEqual(ids, months.map((m) => `urn:jikenbo:report:monthly:${m}`));
  assert.ok([...doc.querySelectorAll("entry > link")].some((l) => /\/reports\/monthly\/\d{4}-\d{2}$/.test(l.getAttribute("href")!)));
  assert.equal((await app.request("/feeds/reports/monthly.atom?limit=0")).status, 400);
});
