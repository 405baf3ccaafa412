import { cleared, parseTlp, TLP_LEVELS, type Tlp } from "../intel/taxonomies/tlp.js";
import type { IncidentDetail, NoticeRecord, Store, StoredDocument } from "../store/types.js";

/** An incident's TLP level; an unreadable marking counts as RED, so it is never shared by mistake. */
export function incidentTlp(inc: Pick<IncidentDetail, "tlp">): Tlp {
  return parseTlp(inc.tlp) ?? "RED";
}

/** The date an incident is filed under: disclosed, else discovered, else null. */
function filedOn(inc: IncidentDetail): string | null {
  return inc.fields.disclosed_on ?? inc.fields.discovered_on ?? null;
}

/** A source's public URL (absolute http/https, percent-encoded, without credentials), or null for a file path, an upload or another name. */
export function publicUrl(source: string): string | null {
  if (!/^https?:\/\//i.test(source)) return null;
  try {
    const u = new URL(source);
    u.username = "";
    u.password = "";
    return u.href;
  } catch {
    return null;
  }
}

/** Names Jikenbo gives sources that have no URL, as imported from shared intelligence: none tells a file system. */
const SHARED_NAME = /^(?:sha256:[0-9a-f]{64}|stix:[a-z0-9-]+--[0-9a-f-]{36}|misp:event\/[0-9a-f-]{36})$/;

/**
 * How shared intelligence names a notice's source: its public URL, else the name it was shared
 * under, else `sha256:` and the archived document's hash. Never a local path or an upload's name:
 * they would tell the sharer's file system.
 */
export function sharedSource(n: Pick<NoticeRecord, "source" | "document">): string {
  return publicUrl(n.source) ?? (SHARED_NAME.test(n.source) ? n.source : `sha256:${n.document}`);
}

/**
 * The incidents a reader cleared for `maxTlp` may receive, in a stable order (oldest date first,
 * undated last, then id), with references to withheld incidents removed from `related` and each
 * source named as it may be shared (sharedSource).
 */
export function shareable(incidents: readonly IncidentDetail[], maxTlp: Tlp = "CLEAR"): IncidentDetail[] {
  const kept = incidents.filter((i) => cleared(maxTlp, incidentTlp(i)));
  const ids = new Set(kept.map((i) => i.id));
  return kept
    .map((i) => ({ ...i, related: i.related.filter((r) => ids.has(r.id)), notices: i.notices.map((n) => ({ ...n, source: sharedSource(n) })) }))
    .sort((a, b) => {
      const da = filedOn(a), db = filedOn(b);
      if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
}

/** Every incident of a store that `maxTlp` clears, in `shareable` order, with the archived documents they cite (without bytes). */
export async function collectIncidents(store: Store, maxTlp: Tlp = "CLEAR"): Promise<{ incidents: IncidentDetail[]; docs: Map<string, StoredDocument> }> {
  const levels = TLP_LEVELS.filter((t) => cleared(maxTlp, t));
  const rows = await store.listIncidents({ tlp: [...levels], limit: -1 });
  const all: IncidentDetail[] = [];
  for (const r of rows) {
    const inc = await store.getIncident(r.id);
    if (inc) all.push(inc);
  }
  const incidents = shareable(all, maxTlp);
  const docs = new Map<string, StoredDocument>();
  for (const n of incidents.flatMap((i) => i.notices)) {
    if (docs.has(n.document)) continue;
    const d = await store.getDocument(n.document);
    if (!d) continue;
    const { bytes: _bytes, ...meta } = d;
    docs.set(n.document, meta);
  }
  return { incidents, docs };
}
