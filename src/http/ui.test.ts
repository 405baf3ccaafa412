// The web UI hook: built assets, deep links, caching, the CSP, and what happens without a build.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createApp } from "./app.js";
import { UI_CSP, webUi } from "./ui.js";
import type { Store } from "../store/types.js";
import { emptyStore } from "../../test/http-kit.js";
import { tempDir } from "../../test/helpers.js";

let store: Store;
let dir: string;
let app: ReturnType<typeof createApp>;
const INDEX = '<!doctype html><html lang="ja"><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="app"></div></body></html>';

before(async () => {
  store = await emptyStore();
  dir = tempDir("jikenbo-ui-");
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), INDEX);
  writeFileSync(join(dir, "assets", "index-abc123.js"), "console.log('ui')");
  writeFileSync(join(tempDir(), "secret.txt"), "not served");
  app = createApp({ store, settings: { anonymousRead: true, allowPrivate: false }, static: webUi(dir) });
});

after(() => store.close());

test("/ and every deep link get index.html under the UI's strict CSP, never cached stale", async () => {
  for (const path of ["/", "/search?q=%E4%B8%8D%E6%AD%A3", "/incidents/inc_7638a895e80e8494", "/stats"]) {
    const res = await app.request(path);
    assert.equal(res.status, 200, path);
    assert.equal(await res.text(), INDEX);
    assert.equal(res.headers.get("content-type"), "text/html; charset=utf-8");
    assert.equal(res.headers.get("content-security-policy"), UI_CSP);
    assert.equal(res.headers.get("cache-control"), "no-cache");
    assert.equal(res.headers.get("x-frame-options"), "DENY");
  }
  assert.doesNotMatch(UI_CSP, /unsafe-inline|unsafe-eval/);
  assert.match(UI_CSP, /script-src 'self';/);
});

test("hashed assets are served with their type and cached for a year; missing files are 404, not the page", async () => {
  const res = await app.request("/assets/index-abc123.js");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "text/javascript; charset=utf-8");
  assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.equal(await res.text(), "console.log('ui')");
  for (const path of ["/assets/gone-000.js", "/favicon.ico", "/assets/../../secret.txt", "/assets/%E0%A4%A", "/assets/..%2f..%2fsecret.txt"]) {
    const r = await app.request(path);
    assert.equal(r.status, 404, path);
    assert.equal(((await r.json()) as { error: { code: string } }).error.code, "not_found");
  }
  // Dot segments are resolved before routing: what is left is a deep link, answered with the page.
  const up = await app.request("/%2e%2e/%2e%2e/etc/passwd");
  assert.equal(await up.text(), INDEX);
});

test("the API and the feed are never answered by the UI", async () => {
  const api = await app.request("/api/v1/nothing-here");
  assert.equal(api.status, 404);
  assert.match(api.headers.get("content-type") ?? "", /^application\/json/);
  assert.equal((await app.request("/api/v1/health")).status, 200);
  assert.equal((await app.request("/api/openapi.json")).status, 200);
  assert.match((await app.request("/feeds/incidents.atom")).headers.get("content-type") ?? "", /atom/);
  const post = await app.request("/", { method: "POST" });
  assert.equal(post.status, 404);
});

test("without a built UI, / says how to build it instead of failing", async () => {
  const bare = createApp({ store, settings: { anonymousRead: true, allowPrivate: false }, static: webUi(tempDir("jikenbo-noui-")) });
  const res = await bare.request("/");
  assert.equal(res.status, 503);
  assert.match(await res.text(), /npm run build/);
  assert.equal((await bare.request("/api/v1/health")).status, 200);
});
