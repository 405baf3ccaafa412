import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { randomUUID } from "node:crypto";
import { hasRole } from "../auth.js";
import type { ApiDeps, AppEnv } from "../context.js";
import { collectionResource, collections, requireAccess, type Collection } from "./collections.js";
import type { Entry } from "./entries.js";
import { TaxiiError } from "./errors.js";
import { negotiate, STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE, taxiiBody, taxiiJson } from "./media.js";
import { dateHeaders, matching, paged, selection, type Page, type Selection } from "./select.js";
import { submit, visibleStatus } from "./submit.js";

/** Where TAXII is served, and the one API root's name. */
const BASE = "/taxii2";
const ROOT = `${BASE}/casebook`;
/** The largest request body the API root accepts. */
const MAX_CONTENT_LENGTH = 1024 * 1024;

/** The page of `entries` a selection asks for. */
function pageOf(entries: Entry[], s: Selection): Page {
  return paged(matching(entries, s), s);
}

/** A paged resource: `more`, `next` and the items under `key` (left out when there are none), with the date-added headers. */
function listing(c: Context<AppEnv>, page: Page, key: string, items: unknown[]): Response {
  dateHeaders(c, page.items);
  return taxiiJson(c, { more: page.more, ...(page.next ? { next: page.next } : {}), ...(items.length ? { [key]: items } : {}) });
}

/** The collection a path names, by id or alias, or 404. */
function find(all: Collection[], key: string): Collection {
  const col = all.find((c) => c.id === key || c.alias === key);
  if (!col) throw new TaxiiError(404, "not found", `no collection ${key}`);
  return col;
}

/**
 * TAXII 2.1 under /taxii2/: discovery, one API root (`casebook`) with a read-only collection of the
 * casebook's incidents and a submissions collection analysts add to, manifests, versions and status.
 * Every resource is application/taxii+json;version=2.1; clearance holds as on every other path.
 */
export function taxiiApi({ store }: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const all = collections(store);
  const tooLarge = (): never => { throw new TaxiiError(413, "payload too large", `the body is larger than ${MAX_CONTENT_LENGTH} bytes`); };
  api.use(`${BASE}/*`, negotiate, bodyLimit({ maxSize: MAX_CONTENT_LENGTH, onError: tooLarge }));

  const readable = (c: Context<AppEnv>): Collection => {
    const col = find(all, c.req.param("collection")!);
    requireAccess(col.canRead(c.var.vis.reader), c.var.vis.reader, `read the ${col.alias} collection`);
    return col;
  };
  const writable = (c: Context<AppEnv>): Collection => {
    const col = find(all, c.req.param("collection")!);
    requireAccess(col.canWrite(c.var.vis.reader), c.var.vis.reader, `add to or delete from the ${col.alias} collection`);
    return col;
  };
  /** Every version of one object the reader may see, or 404. */
  const versionsOf = async (c: Context<AppEnv>, col: Collection) => {
    const id = c.req.param("object")!;
    const entries = await col.entries(c.var.vis, [id]);
    if (entries.length === 0) throw new TaxiiError(404, "not found", `no object ${id} in the ${col.alias} collection`);
    return entries;
  };

  api.get(`${BASE}/`, (c) => {
    const root = new URL(`${ROOT}/`, c.req.url).href;
    return taxiiJson(c, {
      title: "Jikenbo TAXII 2.1", description: "Japanese security-incident disclosures as STIX 2.1, within the reader's TLP clearance.",
      default: root, api_roots: [root],
    });
  });

  api.get(`${ROOT}/`, (c) => taxiiJson(c, {
    title: "Jikenbo casebook", description: "The casebook's incidents, and submissions analysts add to it.",
    versions: [TAXII_MEDIA_TYPE], max_content_length: MAX_CONTENT_LENGTH,
  }));

  api.get(`${ROOT}/collections/`, (c) => taxiiJson(c, { collections: all.map((col) => collectionResource(col, c.var.vis.reader)) }));

  api.get(`${ROOT}/collections/:collection/`, (c) => taxiiJson(c, collectionResource(find(all, c.req.param("collection")), c.var.vis.reader)));

  api.get(`${ROOT}/collections/:collection/objects/`, async (c) => {
    const page = pageOf(await readable(c).entries(c.var.vis), selection(c));
    return listing(c, page, "objects", page.items.map((e) => e.object));
  });

  api.post(`${ROOT}/collections/:collection/objects/`, async (c) => {
    writable(c);
    const requested = new Date().toISOString();
    const body = await taxiiBody(c);
    return taxiiJson(c, await submit(store, c.var.vis, body, randomUUID(), requested), 202);
  });

  api.get(`${ROOT}/collections/:collection/manifest/`, async (c) => {
    const page = pageOf(await readable(c).entries(c.var.vis), selection(c));
    return listing(c, page, "objects", page.items.map((e) => ({ id: e.id, date_added: e.date_added, version: e.version, media_type: STIX_MEDIA_TYPE })));
  });

  api.get(`${ROOT}/collections/:collection/objects/:object/`, async (c) => {
    const page = pageOf(await versionsOf(c, readable(c)), selection(c, { ids: [c.req.param("object")] }));
    return listing(c, page, "objects", page.items.map((e) => e.object));
  });

  api.delete(`${ROOT}/collections/:collection/objects/:object/`, async (c) => {
    const doomed = matching(await versionsOf(c, writable(c)), selection(c, { ids: [c.req.param("object")] }));
    await store.removeTaxiiObjects(c.req.param("object"), doomed.map((e) => e.version), { who: c.var.vis.reader.user!.name });
    return c.body(null, 200);
  });

  api.get(`${ROOT}/collections/:collection/objects/:object/versions/`, async (c) => {
    const page = pageOf(await versionsOf(c, readable(c)), selection(c, { ids: [c.req.param("object")], versions: "all" }));
    return listing(c, page, "versions", page.items.map((e) => e.version));
  });

  api.get(`${ROOT}/status/:status/`, async (c) => {
    const user = c.var.vis.reader.user;
    requireAccess(user !== null, c.var.vis.reader, "read a status");
    const rec = await store.taxiiStatus(c.req.param("status"));
    if (!rec || (rec.who !== user!.name && !hasRole(user!, "admin"))) throw new TaxiiError(404, "not found", `no status ${c.req.param("status")}`);
    return taxiiJson(c, await visibleStatus(rec, c.var.vis));
  });

  return api;
}
