// The dashboard (/stats) and the graph (/graph) in a real browser: charts with data tables, filters
// through the URL, expanding graph nodes, the language switch, no CSP violations, and screenshots at
// 1366×768 and at phone width (375px). Screenshots go to test-artifacts/screenshots/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { skipWithoutChromium, startUi, type UiHarness } from "./harness.js";

const skip = skipWithoutChromium();
let ui: UiHarness;

before(async () => { if (!skip) ui = await startUi(); });
after(async () => { await ui?.close(); });

/** The dashboard's headline figure (incidents, people or unknown) as a number. */
async function figure(page: Page, name: string): Promise<number> {
  const cell = page.locator(`[data-figure="${name}"]`);
  await cell.waitFor();
  return Number((await cell.textContent())!.replace(/\D/g, ""));
}

/** Incidents in the API's answer for the same filters, as an anonymous reader. */
async function apiTotal(params: string): Promise<number> {
  const res = await fetch(`${ui.base}/api/v1/stats?${params}`);
  return ((await res.json()) as { total: number }).total;
}

test("dashboard: charts with data tables; filters in the URL change the figures", { skip }, async () => {
  const page = ui.page;
  await page.goto(`${ui.base}/stats`);
  assert.equal(await page.locator("h1").textContent(), "統計ダッシュボード");
  const all = await figure(page, "incidents");
  assert.equal(all, await apiTotal(""));
  for (const id of ["months", "cause", "medium", "sector", "affected"]) {
    const panel = page.locator(`section[aria-labelledby="${id}-h"]`);
    await panel.locator("canvas").waitFor();
    assert.ok(await panel.locator("canvas").getAttribute("aria-label"), `${id}: the chart has a text summary`);
    assert.ok(await panel.locator("tbody tr").count() >= 1, `${id}: the data table has rows`);
    const box = await panel.locator("canvas").boundingBox();
    assert.ok(box && box.width > 200 && box.height > 100, `${id}: the chart is drawn (${JSON.stringify(box)})`);
  }
  assert.match((await page.locator('section[aria-labelledby="affected-h"] tbody').textContent())!, /1,000～9,999人/);
  assert.equal(await figure(page, "unknown"), Number((await page.locator(".unknown-figure strong").textContent())!.replace(/\D/g, "")));
  await ui.screenshot("stats");
  await ui.viewportShot("stats-viewport");

  // A filter chosen in the bar goes into the URL and narrows every figure.
  await page.getByLabel("種類", { exact: true }).selectOption("unauthorized_access");
  await page.getByRole("button", { name: "適用" }).click();
  await page.waitForURL(/\/stats\?.*type=unauthorized_access/);
  await page.waitForFunction((n) => Number(document.querySelector('[data-figure="incidents"]')?.textContent?.replace(/\D/g, "")) < n, all);
  const narrowed = await figure(page, "incidents");
  assert.equal(narrowed, await apiTotal("type=unauthorized_access"));
  assert.ok(narrowed >= 1 && narrowed < all);
  // The same filters arrive from a shared link (search uses the same names).
  await page.goto(`${ui.base}/stats?since=2025-01-01`);
  await page.waitForFunction((n) => Number(document.querySelector('[data-figure="incidents"]')?.textContent?.replace(/\D/g, "")) === n, await apiTotal("since=2025-01-01"));
  assert.equal(await page.getByLabel("開始日").inputValue(), "2025-01-01");
  assert.ok(!ui.console.some((m) => /Content Security Policy|pageerror/i.test(m)), ui.console.join("\n"));
});

/** Run `body` with every graph request of the page asking for at most `limit` nodes (the example casebook is small). */
async function withLimit(page: Page, limit: number, body: () => Promise<void>): Promise<void> {
  await page.route("**/api/v1/graph?*", (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set("limit", String(limit));
    void route.continue({ url: url.toString() });
  });
  try { await body(); } finally { await page.unroute("**/api/v1/graph?*"); }
}

const summary = (page: Page) => page.locator('[data-state="summary"]');
const nodeButtons = (page: Page, kind?: string) =>
  (kind ? page.locator(".node-list section", { has: page.locator("h3", { hasText: kind }) }) : page.locator(".node-list")).locator(".node-button");

test("graph: every incident drawn with an honest count; a node's details are text; the type filter draws fewer", { skip }, async () => {
  const page = ui.page;
  await page.goto(`${ui.base}/graph`);
  await summary(page).waitFor();
  const total = await apiTotal("");
  assert.equal((await summary(page).textContent())!.match(/条件に合う事案 (\d+)件をすべて個別に表示/)?.[1], String(total));
  await nodeButtons(page).first().waitFor();
  assert.equal(await nodeButtons(page, "事案").count(), total);
  assert.ok(await page.locator(".network canvas").count() >= 1, "cytoscape draws on canvas");
  const all = await nodeButtons(page).count();
  await page.locator(".node-list").getByRole("button", { name: "https://login-minami-kanko.net/verify" }).click();
  await page.locator(".node-details").getByText("痕跡(IOC) (url)").waitFor();
  await ui.screenshot("graph");
  await ui.viewportShot("graph-viewport");
  await page.getByLabel("種類", { exact: true }).selectOption("phishing");
  await page.getByRole("button", { name: "適用" }).click();
  await page.waitForURL(/\/graph\?.*type=phishing/);
  await page.waitForFunction((n) => document.querySelectorAll(".node-list .node-button").length < n, all);
  assert.ok(!ui.console.some((m) => /Content Security Policy|pageerror/i.test(m)), ui.console.join("\n"));
});

test("graph: with entities folded, expanding an incident draws the organisation and indicators it names", { skip }, async () => {
  const page = ui.page;
  await withLimit(page, 20, async () => {
    await page.goto(`${ui.base}/graph`);
    await summary(page).waitFor();
    await nodeButtons(page).first().waitFor();
    assert.equal(await nodeButtons(page, "組織").count(), 0, "organisations named once are folded");
    const before = await nodeButtons(page).count();
    await page.locator(".node-list").getByRole("button", { name: "一般社団法人みなみ観光協会" }).click();
    await page.locator(".node-details").getByText(/関係先・痕跡が\d+件あります/).waitFor();
    await page.locator(".node-details").getByRole("button", { name: "展開" }).click();
    await page.waitForFunction((n) => document.querySelectorAll(".node-list .node-button").length > n, before);
    assert.equal(await nodeButtons(page, "組織").count(), 1);
    assert.ok(await nodeButtons(page, "痕跡").count() >= 2, "the association's phishing URL and sender address");
  });
});

test("graph: a casebook larger than the limit is clustered; expanding a cluster draws its incidents", { skip }, async () => {
  const page = ui.page;
  await withLimit(page, 10, async () => {
    await page.goto(`${ui.base}/graph`);
    await summary(page).waitFor();
    assert.match((await summary(page).textContent())!, /うち 0件を個別に表示し、\d+件を \d+個のまとまりにまとめています/);
    const clusters = nodeButtons(page, "まとめたノード");
    const n = await clusters.count();
    assert.ok(n >= 2);
    await clusters.first().click();
    await page.locator(".node-details").getByRole("button", { name: "展開" }).click();
    await page.waitForFunction(() => /うち [1-9]\d*件を個別に表示/.test(document.querySelector('[data-state="summary"]')?.textContent ?? ""));
    assert.equal(await clusters.count(), n - 1, "the expanded cluster is replaced by its incidents");
    await ui.screenshot("graph-clustered");
  });
});

test("language switch: the dashboard and the graph in English", { skip }, async () => {
  const page = ui.page;
  await page.goto(`${ui.base}/stats`);
  await page.getByRole("button", { name: "English" }).click();
  await page.locator("h1", { hasText: "Statistics dashboard" }).waitFor();
  await page.getByRole("heading", { name: "People affected (log scale)" }).waitFor();
  await page.locator('section[aria-labelledby="affected-h"] tbody', { hasText: "1,000–9,999" }).waitFor({ state: "attached" });
  assert.equal(await page.getByLabel("Type", { exact: true }).count(), 1);
  await page.goto(`${ui.base}/graph`);
  await page.locator("h1", { hasText: "Relationship graph" }).waitFor();
  await page.locator('[data-state="summary"]', { hasText: "matching incidents" }).waitFor();
  await ui.screenshot("graph-en");
  await page.getByRole("button", { name: "日本語" }).click();
  await page.locator("h1", { hasText: "関係グラフ" }).waitFor();
});

test("phone width (375px): the dashboard and the graph fit without sideways scrolling", { skip }, async () => {
  const context = await ui.browser.newContext({ viewport: { width: 375, height: 740 }, locale: "ja-JP" });
  try {
    const page = await context.newPage();
    for (const path of ["/stats", "/graph"]) {
      await page.goto(`${ui.base}${path}`);
      await page.locator(path === "/stats" ? '[data-figure="incidents"]' : '[data-state="summary"]').waitFor();
      await page.locator("canvas").first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
      await ui.screenshot(`${path.slice(1)}-phone`, page);
    }
  } finally {
    await context.close();
  }
});
