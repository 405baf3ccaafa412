// The reports in the web UI: the index, a monthly digest and an annual report rendered under the UI's
// CSP (no inline style or script), hostile notice text shown as text. Screenshots go to
// test-artifacts/screenshots/ (report-monthly.png, report-annual.png; docs/screenshots keeps copies).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { tally } from "../../src/intel/stats.js";
import { skipWithoutChromium, startUi, type UiHarness } from "./harness.js";

const skip = skipWithoutChromium();
let ui: UiHarness;

before(async () => { if (!skip) ui = await startUi({ viewport: { width: 1100, height: 1400 } }); });
after(async () => { await ui?.close(); });

test("the reports index links each month and year; a digest shows its incidents with their quoted blocks", { skip }, async () => {
  const { page, base, store } = ui;
  const months = tally(await store.statInputs({ tlp: ["CLEAR"] }), "month").rows.filter((r) => r.key !== "unknown");
  const busiest = [...months].sort((a, b) => b.incidents - a.incidents || b.key.localeCompare(a.key))[0]!;
  await page.goto(`${base}/reports`);
  await page.getByRole("link", { name: busiest.key, exact: true }).click();
  await page.waitForSelector(".jr-entry");
  assert.equal(page.url(), `${base}/reports/monthly/${busiest.key}`);
  assert.equal(await page.locator(".jr-entry").count(), busiest.incidents);
  assert.ok(await page.getByText("【原因】").first().isVisible());
  // The report's stylesheet applies (adopted, not inline): entries are framed.
  assert.notEqual(await page.locator(".jr-entry").first().evaluate((e) => getComputedStyle(e).borderTopStyle), "none");
  await ui.screenshot("report-monthly");
  assert.deepEqual(ui.console.filter((l) => /error|refused|violat/i.test(l)), []);
});

test("an annual report draws its charts as SVG, with the year before when there is one", { skip }, async () => {
  const { page, base, store } = ui;
  const years = tally(await store.statInputs({ tlp: ["CLEAR"] }), "year").rows.filter((r) => r.key !== "unknown").map((r) => r.key).sort();
  const year = years.at(-1)!;
  await page.goto(`${base}/reports/annual/${year}`);
  await page.waitForSelector(".jr svg");
  assert.ok(await page.locator(".jr svg").count() >= 5);
  if (years.length > 1) assert.ok(await page.locator("#jr-previous").isVisible());
  await ui.viewportShot("report-annual");
  assert.deepEqual(ui.console.filter((l) => /error|refused|violat/i.test(l)), []);
});

test("hostile notice text in a digest stays text: no element it names is created, no script runs", { skip }, async () => {
  const { page, base, store } = ui;
  const [hostile] = await store.searchIncidents({ q: "からくり雑貨店", limit: 1 });
  assert.ok(hostile);
  const month = (await store.getIncident(hostile.id))!;
  const m = (month.disclosed_on ?? month.discovered_on ?? month.created_at).slice(0, 7);
  let dialogs = 0;
  page.on("dialog", (d) => { dialogs++; void d.dismiss(); });
  await page.goto(`${base}/reports/monthly/${m}`);
  await page.waitForSelector(".jr-entry");
  assert.equal(await page.locator(".jr script, .jr img, .jr iframe, .jr form").count(), 0);
  assert.equal(dialogs, 0);
});
