import type { Tlp } from "../intel/taxonomies/tlp.js";
import type { IncidentDetail } from "../store/types.js";
import { shareable } from "./select.js";

/** Incidents the TLP allows (default CLEAR) as JSON Lines: one IncidentDetail per line, each line ending in LF. */
export function incidentsJsonl(incidents: readonly IncidentDetail[], opts: { maxTlp?: Tlp } = {}): string {
  return shareable(incidents, opts.maxTlp ?? "CLEAR").map((inc) => JSON.stringify(inc) + "\n").join("");
}
