import { FIELD_NAMES, FIELDS, type FieldKind } from "../core/fields.js";
import type { Cause, Count, Period } from "../core/types.js";
import type { Tlp } from "../intel/taxonomies/tlp.js";
import type { IncidentDetail } from "../store/types.js";
import { shareable } from "./select.js";

/** The cells of each kind of field, one per column it declares in `FIELDS`. */
export const KIND_CELLS: Record<FieldKind, (value: unknown) => unknown[]> = {
  text: (v) => [v], date: (v) => [v], count: (v) => [v], choice: (v) => [v], "text-list": (v) => [v], "enum-list": (v) => [v],
  period: (v) => [(v as Period | null)?.from, (v as Period | null)?.to],
  cause: (v) => [(v as Cause | null)?.category, (v as Cause | null)?.text],
  counts: (v) => [(v as Count[]).map((c) => c.text)],
};

/** The columns of the CSV export, in order: the incident, each field's (in table order), its tags, sources and times. */
export const CSV_COLUMNS = [
  "id", "title", "tlp", ...FIELD_NAMES.flatMap((f) => FIELDS[f].csv), "tsr_cause", "tsr_medium", "attack", "basics", "sources",
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

/** The values of one incident's row, in column order. */
function row(inc: IncidentDetail): unknown[] {
  const tags = (taxonomy: string) => inc.tags.filter((t) => t.taxonomy === taxonomy).map((t) => t.value);
  return [
    inc.id, inc.title, inc.tlp, ...FIELD_NAMES.flatMap((f) => KIND_CELLS[FIELDS[f].kind](inc.fields[f])),
    tags("tsr_cause")[0], tags("tsr_medium")[0], tags("attack"), tags("basics"), [...new Set(inc.notices.map((n) => n.source))],
    inc.created_at, inc.updated_at,
  ];
}

/** Incidents the TLP allows (default CLEAR) as CSV (RFC 4180: header row, CRLF line ends); `bom` prepends a UTF-8 BOM for spreadsheet programs. */
export function incidentsCsv(incidents: readonly IncidentDetail[], opts: { maxTlp?: Tlp; bom?: boolean } = {}): string {
  const lines = [CSV_COLUMNS.join(","), ...shareable(incidents, opts.maxTlp ?? "CLEAR").map((inc) => {
    return row(inc).map(csvCell).join(",");
  })];
  return (opts.bom ? "\ufeff" : "") + lines.map((l) => l + "\r\n").join("");
}
