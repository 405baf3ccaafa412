import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseEvery } from "../src/cli/admin.js";
import { cli, tempDir } from "./helpers.js";

const db = join(tempDir(), "casebook.db");

test("user add prints the new token as its last line; list and revoke", async () => {
  const r = await cli(["user", "add", "ana", "--role", "analyst", "--db", db]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  assert.match(lines.at(-1)!, /^jkb_[A-Za-z0-9_-]{43}$/);
  assert.match(lines[0]!, /user ana: analyst, clearance TLP:AMBER/);
  assert.equal((await cli(["user", "add", "ana", "--role", "viewer", "--db", db])).code, 1, "a second ana");
  assert.equal((await cli(["user", "add", "bob", "--role", "king", "--db", db])).code, 2);
  assert.equal((await cli(["user", "add", "bob", "--role", "viewer", "--clearance", "purple", "--db", db])).code, 2);
  assert.match((await cli(["user", "token", "ana", "--db", db])).stdout.trim(), /^jkb_/);
  assert.equal((await cli(["user", "revoke", "ana", "--db", db])).code, 0);
  const users = JSON.parse((await cli(["user", "list", "--json", "--db", db])).stdout) as { name: string; revoked_at: string | null }[];
  assert.ok(users.find((u) => u.name === "ana")?.revoked_at);
  assert.equal((await cli(["user", "revoke", "nobody", "--db", db])).code, 1);
});

test("source add schedules a URL; bad periods and non-URLs are usage errors", async () => {
  assert.equal(parseEvery("1h"), 3600);
  assert.equal(parseEvery("30m"), 1800);
  assert.equal(parseEvery("2d"), 172_800);
  const r = await cli(["source", "add", "https://news.invalid/feed.xml", "--every", "6h", "--db", db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /every 21600 s/);
  assert.equal((await cli(["source", "add", "ftp://x", "--db", db])).code, 2);
  assert.equal((await cli(["source", "add", "https://x.invalid", "--every", "often", "--db", db])).code, 2);
  const feeds = JSON.parse((await cli(["source", "list", "--json", "--db", db])).stdout) as { id: number }[];
  assert.equal(feeds.length, 1);
  assert.equal((await cli(["source", "remove", String(feeds[0]!.id), "--db", db])).code, 0);
});
