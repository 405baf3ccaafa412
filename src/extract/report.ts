import type { Casefile, Finding, Notice } from "../core/types.js";

/** Evidence for one field as `extract --json` prints it. */
export interface EvidenceJson {
  value: unknown;
  span: [number, number];
  text: string;
  confidence: number;
  rule: string;
}

/** One notice as `extract --json` prints it. */
export interface NoticeJson {
  title: string;
  is_incident: boolean;
  kind: string;
  reason: string;
  span: [number, number];
  source: string;
  sha256: string;
  casebook_id: string | null;
  incident: (Record<string, unknown> & { evidence: Record<string, EvidenceJson[]>; confidence: Record<string, number> }) | null;
}

function evidence(findings: Finding[]): Record<string, EvidenceJson[]> {
  const out: Record<string, EvidenceJson[]> = {};
  for (const f of findings) {
    (out[f.field] ??= []).push({ value: f.value, span: [f.span[0], f.span[1]], text: f.text, confidence: f.confidence, rule: f.rule });
  }
  return out;
}

/** A notice with its incident fields (gold field names), their spans and confidences. */
export function noticeJson(cf: Casefile, n: Notice): NoticeJson {
  const inc = n.incident;
  return {
    title: n.title,
    is_incident: n.isIncident,
    kind: n.kind,
    reason: n.reason,
    span: [n.span[0], n.span[1]],
    source: cf.doc.source,
    sha256: cf.doc.sha256,
    casebook_id: inc?.fields.casebook_id ?? null,
    incident: inc ? { ...inc.fields, evidence: evidence(inc.findings), confidence: inc.confidence as Record<string, number> } : null,
  };
}

/** What `jikenbo extract --json` prints for a set of casefiles. */
export function extractReport(cfs: Casefile[]): { notices: NoticeJson[]; messages: { source: string; severity: string; code: string; text: string }[] } {
  return {
    notices: cfs.flatMap((cf) => cf.notices.map((n) => noticeJson(cf, n))),
    messages: cfs.flatMap((cf) => cf.messages.map((m) => ({ source: cf.doc.source, severity: m.severity, code: m.code, text: m.text }))),
  };
}
