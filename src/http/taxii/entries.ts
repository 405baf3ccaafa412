import { sha256 } from "../../core/document.js";
import { cleared, TLP_LEVELS, type Tlp } from "../../intel/taxonomies/tlp.js";
import { collectIncidents } from "../../share/select.js";
import { stixBundle, type StixObject } from "../../share/stix/export.js";
import { EXTENSION_ID, JIKENBO_IDENTITY_ID } from "../../share/stix/extension.js";
import { TLP2_MARKING_IDS } from "../../share/stix/tlp.js";
import type { Store } from "../../store/types.js";

/** One version of one object in a collection, with when the collection got it. */
export interface Entry {
  id: string;
  type: string;
  version: string;
  spec_version: string;
  date_added: string;
  object: Record<string, unknown>;
}

/** Where an entry sits in a collection: by date added, then id, then version. */
export function position(e: Pick<Entry, "date_added" | "id" | "version">): string[] {
  return [e.date_added, e.id, e.version];
}

/** Order of entries in every collection, oldest addition first. */
function byPosition(a: Entry, b: Entry): number {
  const pa = position(a), pb = position(b);
  for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  return 0;
}

/** Objects every export carries whatever it holds: Jikenbo's identity, its extension definition and the TLP markings. */
const SUPPORT = new Set<string>([JIKENBO_IDENTITY_ID, EXTENSION_ID, ...Object.values(TLP2_MARKING_IDS)]);

/** The supporting objects an object refers to (its creator, markings and extensions). */
function supportRefs(o: StixObject): string[] {
  const refs = [o.created_by_ref, ...(Array.isArray(o.object_marking_refs) ? o.object_marking_refs : []), ...Object.keys((o.extensions as object | undefined) ?? {})];
  return refs.filter((r): r is string => typeof r === "string" && SUPPORT.has(r));
}

/**
 * Entries of exported objects. An object is added when its version is (its `modified`, which follows
 * the incident's last change), so a change comes back as a later addition; a supporting object is
 * added with the first object that refers to it, so a client polling with `added_after` still gets a
 * marking that appears later. Supporting objects nothing refers to are left out.
 */
function datedEntries(objects: StixObject[]): Entry[] {
  const added = new Map<string, string>();
  for (const o of objects) if (!SUPPORT.has(o.id)) added.set(o.id, String(o.modified ?? o.created));
  for (let changed = true; changed;) {
    changed = false;
    for (const o of objects) {
      const at = added.get(o.id);
      if (at === undefined) continue;
      for (const ref of supportRefs(o)) {
        const cur = added.get(ref);
        if (cur === undefined || at < cur) { added.set(ref, at); changed = true; }
      }
    }
  }
  return objects.filter((o) => added.has(o.id)).map((o) => ({
    id: o.id, type: o.type, version: String(o.modified ?? o.created), spec_version: String(o.spec_version), date_added: added.get(o.id)!, object: o,
  })).sort(byPosition);
}

/**
 * The incidents collection: the STIX export of every incident a clearance allows, as entries. The
 * export is rebuilt only when the incidents that clearance sees (ids, last changes, sources) change.
 */
export class IncidentObjects {
  private readonly cache = new Map<Tlp, { key: string; entries: Entry[] }>();

  constructor(private readonly store: Store) {}

  /** Every entry a reader cleared for `clearance` may see. */
  async entries(clearance: Tlp): Promise<Entry[]> {
    const levels = TLP_LEVELS.filter((t) => cleared(clearance, t));
    const rows = await this.store.listIncidents({ tlp: [...levels], limit: -1 });
    const key = sha256(rows.map((r) => `${r.id} ${r.updated_at} ${r.sources}`).sort().join("\n"));
    const hit = this.cache.get(clearance);
    if (hit?.key === key) return hit.entries;
    const { incidents, docs } = await collectIncidents(this.store, clearance);
    const entries = datedEntries(stixBundle(incidents, docs, { maxTlp: clearance }).objects);
    this.cache.set(clearance, { key, entries });
    return entries;
  }
}
