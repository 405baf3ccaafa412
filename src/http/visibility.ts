import { maySee, touchable, type Writer } from "../casebook/authorize.js";
import type { Tlp } from "../intel/taxonomies/tlp.js";
import type { IncidentDetail, Store, User } from "../store/types.js";
import { ApiError } from "./errors.js";

/** Who is asking: a user, or nobody (anonymous), with the TLP levels they may read. */
export interface Reader {
  user: User | null;
  clearance: Tlp;
  /** Every TLP level the reader is cleared for, least restricted first. */
  levels: Tlp[];
}

const INCIDENT_IDS = /inc_[0-9a-f]{16}/g;

/** Every incident id a value names, in any string anywhere inside it. */
export function incidentIdsIn(value: unknown): string[] {
  if (typeof value === "string") return value.match(INCIDENT_IDS) ?? [];
  if (Array.isArray(value)) return value.flatMap(incidentIdsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(incidentIdsIn);
  return [];
}

/** A value with every incident id not in `shown` replaced by "(restricted)", wherever it occurs in its strings. */
export function redactIds(value: unknown, shown: Set<string>): unknown {
  if (typeof value === "string") return value.replace(INCIDENT_IDS, (id) => (shown.has(id) ? id : "(restricted)"));
  if (Array.isArray(value)) return value.map((v) => redactIds(v, shown));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactIds(v, shown)]));
  return value;
}

/**
 * TLP visibility for one request: which incidents, documents and ids the reader may see. Lists go
 * through the store's TLP filter (an allow-list); everything else is checked here, id by id, against
 * the markings the store reports, so no request pays for what the reader may not see.
 */
export class Visibility {
  constructor(private readonly store: Store, readonly reader: Reader) {}

  /** The TLP levels to pass to the store as a filter. */
  get levels(): string[] {
    return this.reader.levels;
  }

  /** True when the reader may see information marked `tlp`; a marking that cannot be read counts as RED. */
  canSee(tlp: string): boolean {
    return maySee(this.reader.clearance, tlp);
  }

  /** The signed-in user as a writer (their name and clearance), for routes that require a user. */
  writer(why?: string): Writer {
    const who = this.reader.user!.name;
    return why === undefined ? { who, clearance: this.reader.clearance } : { who, why, clearance: this.reader.clearance };
  }

  /**
   * Which of these incident ids (or aliases) the reader may see, checked in one store lookup. An id
   * that names no incident reveals nothing and counts as visible.
   */
  async visible(ids: string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    const markings = await this.store.incidentMarkings(unique);
    return new Set(unique.filter((id) => {
      const tlp = markings.get(id);
      return tlp === undefined || this.canSee(tlp);
    }));
  }

  /** True unless an incident the reader may not see draws on the document or on a document carved out of it. */
  async canSeeDocument(sha256: string): Promise<boolean> {
    return (await this.store.documentMarkings(sha256)).every((tlp) => this.canSee(tlp));
  }

  /**
   * An incident the reader may see (related incidents they may not see left out), else 404. Hidden and
   * missing take the same path: one lookup of the marking, then the decision; the detail is read only
   * for an incident the reader may see.
   */
  async incident(id: string): Promise<IncidentDetail> {
    const marking = (await this.store.incidentMarkings([id])).get(id);
    const found = touchable(this.reader.clearance, marking === undefined ? null : { tlp: marking });
    const d = found ? await this.store.getIncident(id) : null;
    if (!d || !this.canSee(d.tlp)) throw new ApiError("not_found", `no incident ${id}`);
    if (d.related.length) {
      const shown = await this.visible(d.related.map((r) => r.id));
      d.related = d.related.filter((r) => shown.has(r.id));
    }
    return d;
  }
}
