import type { Store } from "../../store/types.js";
import { hasRole, type Reader } from "../auth.js";
import type { Visibility } from "../visibility.js";
import { uuidv5 } from "../../share/stix/ids.js";
import { IncidentObjects, type Entry } from "./entries.js";
import { TaxiiError } from "./errors.js";
import { STIX_MEDIA_TYPE } from "./media.js";

/** A TAXII collection: who may read and write it, and the entries a reader may see. */
export interface Collection {
  id: string;
  alias: string;
  title: string;
  description: string;
  canRead(r: Reader): boolean;
  canWrite(r: Reader): boolean;
  /** The entries the reader may see (of these object ids, when given), in collection order. */
  entries(vis: Visibility, ids?: string[]): Promise<Entry[]>;
}

/** The two collections: the casebook's incidents (read) and submissions (analysts write, users read). */
export function collections(store: Store): Collection[] {
  const incidents = new IncidentObjects(store);
  return [
    {
      id: uuidv5("taxii-collection\nincidents"), alias: "incidents", title: "Jikenbo incidents",
      description: "The casebook as STIX 2.1: per incident an incident object, the organisations and parties, ATT&CK patterns, indicators, one report per source notice, and their relationships; only incidents within the reader's TLP clearance.",
      canRead: () => true,
      canWrite: () => false,
      entries: async (vis, ids) => {
        const all = await incidents.entries(vis.reader.clearance);
        return ids ? all.filter((e) => ids.includes(e.id)) : all;
      },
    },
    {
      id: uuidv5("taxii-collection\nsubmissions"), alias: "submissions", title: "Jikenbo submissions",
      description: "STIX 2.1 objects analysts add: incidents and reports are imported into the casebook, and every object added is kept here as it was sent; readers see those within their TLP clearance.",
      canRead: (r) => r.user !== null,
      canWrite: (r) => r.user !== null && hasRole(r.user, "analyst"),
      entries: async (vis, ids) => (await store.taxiiObjects({ tlp: vis.levels, ...(ids ? { ids } : {}) }))
        .map(({ tlp: _tlp, ...entry }) => entry),
    },
  ];
}

/** The collection resource a reader is shown. */
export function collectionResource(col: Collection, r: Reader): Record<string, unknown> {
  return { id: col.id, title: col.title, description: col.description, alias: col.alias, can_read: col.canRead(r), can_write: col.canWrite(r), media_types: [STIX_MEDIA_TYPE] };
}

/** 401 for an anonymous reader, 403 for a signed-in one, unless `allowed`. */
export function requireAccess(allowed: boolean, r: Reader, what: string): void {
  if (allowed) return;
  if (!r.user) throw new TaxiiError(401, "unauthorized", `sign in to ${what}`);
  throw new TaxiiError(403, "forbidden", `${r.user.name} may not ${what}`);
}
