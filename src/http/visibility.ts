import { cleared, parseTlp, TLP_LEVELS } from "../intel/taxonomies/tlp.js";
import type { IncidentDetail, Store } from "../store/types.js";
import type { Reader } from "./auth.js";
import { ApiError } from "./errors.js";

/** Up to this many ids are checked one by one rather than against the hidden set. */
const FEW = 20;

/** What a reader may not see beyond the incidents themselves. */
export interface HiddenClosure {
  /** Hidden incidents and every alias that resolves to one. */
  incidents: Set<string>;
  /** Documents a hidden incident draws on, and the containers (feeds) they were carved out of. */
  documents: Set<string>;
}

/**
 * TLP visibility for one request: which incidents, documents and ids the reader may see. Lists go
 * through the store's TLP filter (an allow-list); everything else is checked here. Computed at most
 * once per request.
 */
export class Visibility {
  private hidden: Promise<Set<string>> | undefined;
  private closure: Promise<HiddenClosure> | undefined;

  constructor(private readonly store: Store, readonly reader: Reader) {}

  /** The TLP levels to pass to the store as a filter. */
  get levels(): string[] {
    return this.reader.levels;
  }

  /** True when the reader may see information marked `tlp`; a marking that cannot be read counts as RED. */
  canSee(tlp: string): boolean {
    return cleared(this.reader.clearance, parseTlp(tlp) ?? "RED");
  }

  /** Ids of incidents marked above the reader's clearance. */
  hiddenIncidents(): Promise<Set<string>> {
    this.hidden ??= (async () => {
      const above = TLP_LEVELS.filter((l) => !this.reader.levels.includes(l));
      if (above.length === 0) return new Set<string>();
      return new Set((await this.store.listIncidents({ tlp: above, limit: -1 })).map((i) => i.id));
    })();
    return this.hidden;
  }

  /** Hidden incidents with their aliases, and the documents they use. */
  hiddenClosure(): Promise<HiddenClosure> {
    this.closure ??= (async () => {
      const out: HiddenClosure = { incidents: new Set(), documents: new Set() };
      for (const id of await this.hiddenIncidents()) {
        const d = await this.store.getIncident(id);
        out.incidents.add(id);
        for (const a of d?.aliases ?? []) out.incidents.add(a);
        for (const n of d?.notices ?? []) {
          for (let sha: string | null = n.document; sha && !out.documents.has(sha); sha = (await this.store.getDocument(sha))?.parent ?? null) {
            out.documents.add(sha);
          }
        }
      }
      return out;
    })();
    return this.closure;
  }

  /**
   * Which of these incident ids (or aliases) the reader may see: a few are looked up one by one, many
   * are checked against the hidden closure. An id that names no incident reveals nothing and counts as visible.
   */
  async visible(ids: string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (unique.length > FEW) {
      const hidden = (await this.hiddenClosure()).incidents;
      return new Set(unique.filter((id) => !hidden.has(id)));
    }
    const out = new Set<string>();
    for (const id of unique) {
      const d = await this.store.getIncident(id);
      if (!d || this.canSee(d.tlp)) out.add(id);
    }
    return out;
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
