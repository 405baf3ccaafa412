// Helpers for the HTTP tests: a casebook seeded through the real pipeline, users, credentials and
// a local web server that records what it was asked.
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Tlp } from "../src/intel/taxonomies/tlp.js";
import { ingest } from "../src/core/ingest.js";
import { createApp } from "../src/http/app.js";
import type { Settings } from "../src/http/context.js";
import { openStore } from "../src/store/open.js";
import { SYSTEM_WRITER } from "../src/store/records.js";
import type { IncidentDetail, Store } from "../src/store/types.js";
import { ROOT, tempDir } from "./helpers.js";

/** The bundled example notices. */
export const EXAMPLES = join(ROOT, "examples/notices");
/** Fixtures written for the HTTP tests (fictional organisations). */
export const HTTP_FIXTURES = join(ROOT, "test/fixtures/http");

/** The casebook's owner, as the CLI writes: every clearance. */
export const OWNER = SYSTEM_WRITER;

/** A fresh casebook in a temporary file. */
export async function emptyStore(): Promise<Store> {
  return openStore(join(tempDir("jikenbo-http-"), "casebook.db"));
}

/** Ingest inputs with the same code as `jikenbo ingest`, failing loudly if anything could not be read. */
export async function seed(store: Store, inputs: string[] = [EXAMPLES]): Promise<void> {
  const s = await ingest(store, inputs, OWNER);
  if (s.failures.length) throw new Error(`seed failed: ${JSON.stringify(s.failures)}`);
}

/** The incident of the first search hit for `org` (an organisation's name, or words of its notice), in full. */
export async function byOrg(store: Store, org: string): Promise<IncidentDetail> {
  const [hit] = await store.searchIncidents({ q: org, limit: 5 });
  assert.ok(hit, org);
  return (await store.getIncident(hit.id))!;
}

/** Tokens of the test users, by name. */
export type Tokens = Record<"admin" | "ana" | "red" | "vic" | "clara" | "lowadmin", string>;

/**
 * Users of every role and clearance: admin (RED), ana (analyst, AMBER), red (analyst, RED), vic
 * (viewer, GREEN), clara (viewer, CLEAR) and lowadmin (admin, GREEN).
 */
export async function addUsers(store: Store): Promise<Tokens> {
  const add = async (name: string, role: "viewer" | "analyst" | "admin", clearance: Tlp | null) => (await store.addUser(name, role, clearance, OWNER)).token;
  return {
    admin: await add("admin", "admin", null),
    ana: await add("ana", "analyst", null),
    red: await add("red", "analyst", "RED"),
    vic: await add("vic", "viewer", null),
    clara: await add("clara", "viewer", "CLEAR"),
    lowadmin: await add("lowadmin", "admin", "GREEN"),
  };
}

/** An app over a store, anonymous reading on and private addresses refused unless said otherwise. */
export function appFor(store: Store, settings: Partial<Settings> = {}, fetchImpl?: typeof fetch) {
  return createApp({ store, settings: { anonymousRead: true, allowPrivate: false, ...settings }, ...(fetchImpl ? { fetchImpl } : {}) });
}

/** An Authorization header with a bearer token. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** An Authorization header with HTTP Basic: user name, and the token as password. */
export function basic(name: string, token: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${name}:${token}`).toString("base64")}` };
}

/** JSON request headers, with credentials. */
export function jsonHeaders(auth: Record<string, string> = {}): Record<string, string> {
  return { "content-type": "application/json", ...auth };
}

/** A local web server: routes by path, every request recorded (with its body). */
export interface LocalServer {
  url: string;
  requests: { path: string; headers: IncomingMessage["headers"]; body: string }[];
  close(): Promise<void>;
}

/** Start a local server on 127.0.0.1; unknown paths are 404. */
export async function localServer(routes: Record<string, (req: IncomingMessage, res: ServerResponse, body: string) => void>): Promise<LocalServer> {
  const requests: LocalServer["requests"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = new URL(req.url ?? "/", "http://x").pathname;
      requests.push({ path, headers: req.headers, body });
      const route = routes[path];
      if (route) route(req, res, body);
      else res.writeHead(404).end("not here");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A transport that sends requests for the public-looking host 93.184.216.34 to a local server instead:
 * lets a test play a public site that redirects to a private address.
 */
export function publicAlias(local: LocalServer): typeof fetch {
  return (async (input: URL | RequestInfo, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    if (url.hostname !== "93.184.216.34") throw new Error(`unexpected fetch of ${url.href}`);
    return fetch(`${local.url}${url.pathname}${url.search}`, { ...init, redirect: "manual" });
  }) as typeof fetch;
}
