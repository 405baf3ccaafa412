import { cleared, parseTlp } from "../intel/taxonomies/tlp.js";
import type { IncidentDetail, Store } from "../store/types.js";
import type { Reader } from "./auth.js";
import { ApiError } from "./errors.js";

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
    return cleared(this.reader.clearance, parseTlp(tlp) ?? "RED");
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

  /** An incident the reader may see (related incidents they may not see left out), else 404 — hidden and missing look the same. */
  async incident(id: string): Promise<IncidentDetail> {
    const d = await this.store.getIncident(id);
    if (!d || !this.canSee(d.tlp)) throw new ApiError("not_found", `no incident ${id}`);
    if (d.related.length) {
      const shown = await this.visible(d.related.map((r) => r.id));
      d.related = d.related.filter((r) => shown.has(r.id));
    }
    return d;
  }

  /** Throw 404 unless every incident id is one the reader may see. */
  async requireIncidents(ids: string[]): Promise<void> {
    for (const id of ids) await this.incident(id);
  }
}
