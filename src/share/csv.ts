import type { Tlp } from "../intel/taxonomies/tlp.js";
import type { IncidentDetail } from "../store/types.js";
import { shareable } from "./select.js";

/** The columns of the CSV export, in order. */
export const CSV_COLUMNS = [
  "id", "title", "tlp", "organization", "sector", "disclosed_on", "discovered_on", "exposure_from", "exposure_to",
  "incident_types", "affected_count", "affected_count_text", "data_types", "reported_to", "other_parties", "indicators",
  "cause_category", "cause", "status", "casebook_id", "tsr_cause", "tsr_medium", "attack", "basics", "sources",
  "created_at", "updated_at",
] as const;

/** A value that a spreadsheet would read as a formula (= + - @, tab, CR first) defused with a leading `'`. */
function defused(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
}

/**
 * One cell: formula triggers defused, in every element of a list (joined with `;`, so a list split into
 * columns stays defused), RFC 4180 quoting.
 */
export function csvCell(value: unknown): string {
  const s = value === null || value === undefined ? "" : Array.isArray(value) ? value.map((v) => defused(String(v))).join(";") : defused(String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The values of one incident's row, by column. */
function row(inc: IncidentDetail): Record<(typeof CSV_COLUMNS)[number], unknown> {
  const f = inc.fields;
  const tags = (taxonomy: string) => inc.tags.filter((t) => t.taxonomy === taxonomy).map((t) => t.value);
  return {
    id: inc.id, title: inc.title, tlp: inc.tlp, organization: f.organization, sector: f.sector, disclosed_on: f.disclosed_on,
    discovered_on: f.discovered_on, exposure_from: f.exposure_period?.from, exposure_to: f.exposure_period?.to,
    incident_types: f.incident_types, affected_count: f.affected_count, affected_count_text: f.affected_count_text,
    data_types: f.data_types, reported_to: f.reported_to, other_parties: f.other_parties, indicators: f.indicators,
    cause_category: f.cause?.category, cause: f.cause?.text, status: f.status, casebook_id: f.casebook_id,
    tsr_cause: tags("tsr_cause")[0], tsr_medium: tags("tsr_medium")[0], attack: tags("attack"), basics: tags("basics"),
    sources: [...new Set(inc.notices.map((n) => n.source))], created_at: inc.created_at, updated_at: inc.updated_at,
  };
}

/** Incidents the TLP allows (default CLEAR) as CSV (RFC 4180: header row, CRLF line ends); `bom` prepends a UTF-8 BOM for spreadsheet programs. */
export function incidentsCsv(incidents: readonly IncidentDetail[], opts: { maxTlp?: Tlp; bom?: boolean } = {}): string {
  const lines = [CSV_COLUMNS.join(","), ...shareable(incidents, opts.maxTlp ?? "CLEAR").map((inc) => {
    const r = row(inc);
    return CSV_COLUMNS.map((c) => csvCell(r[c])).join(",");
  })];
  return (opts.bom ? "\ufeff" : "") + lines.map((l) => l + "\r\n").join("");
}
