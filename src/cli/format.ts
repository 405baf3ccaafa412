import type { IncidentSummary } from "../store/types.js";

/** Display width of a string in a terminal: wide (CJK) characters count as two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/** Cut or pad a string to a display width. */
export function fit(s: string, cols: number): string {
  let out = "";
  let w = 0;
  for (const ch of s) {
    const cw = width(ch);
    if (w + cw > cols - (width(s) > cols ? 1 : 0)) { out += "…"; w += 1; break; }
    out += ch;
    w += cw;
  }
  return out + " ".repeat(Math.max(0, cols - w));
}

/** Control characters removed so notice text cannot drive the terminal. */
export function safe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, " ");
}

/** A table of incidents for the terminal. */
export function incidentTable(rows: IncidentSummary[]): string {
  if (rows.length === 0) return "(no incidents)";
  const head = `${fit("ID", 21)} ${fit("DATE", 10)} ${fit("ORGANIZATION", 28)} ${fit("TYPES", 30)} ${fit("COUNT", 10)} SECTOR`;
  const lines = rows.map((r) =>
    [
      fit(r.id, 21),
      fit(r.disclosed_on ?? r.discovered_on ?? "", 10),
      fit(safe(r.organization ?? "?"), 28),
      fit(r.incident_types.join(","), 30),
      fit(r.affected_count === null ? "" : r.affected_count.toLocaleString("en-US"), 10),
      r.sector ?? "",
    ].join(" "),
  );
  return [head, ...lines].join("\n");
}
