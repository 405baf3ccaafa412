// Helpers for tests that speak TAXII 2.1 to the app: media type, requests, and STIX objects as a
// TAXII client would send them (fictional organisations).
import type { Tlp } from "../src/intel/taxonomies/tlp.js";
import { stixId } from "../src/share/stix/ids.js";
import { TLP2_MARKING_IDS, tlpMarking } from "../src/share/stix/tlp.js";

/** The TAXII 2.1 media type. */
export const TAXII = "application/taxii+json;version=2.1";
/** The API root. */
export const TAXII_ROOT = "/taxii2/casebook";
/** The read-only collection of the casebook's incidents. */
export const INCIDENTS = `${TAXII_ROOT}/collections/incidents`;
/** The collection analysts add to. */
export const SUBMISSIONS = `${TAXII_ROOT}/collections/submissions`;
/** When the fictional notices are dated. */
export const NOTICE_DATE = "2025-03-01T09:00:00.000Z";

/** Any JSON object. */
export type Json = Record<string, unknown>;
/** A STIX object. */
export type StixObj = Json & { type: string; id: string };
/** A TAXII status resource. */
export interface Status {
  id: string; status: string; total_count: number; success_count: number; failure_count: number; pending_count: number;
  successes?: { id: string; version: string; message?: string }[]; failures?: { id: string; version: string; message?: string }[];
}

/** Something that answers requests like the app. */
export interface Requester {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** A TAXII request through the app, asking for TAXII 2.1. */
export async function taxiiCall(app: Requester, path: string, auth: Record<string, string> = {}, init: RequestInit = {}): Promise<Response> {
  return app.request(path, { ...init, headers: { accept: TAXII, ...auth, ...(init.headers as Record<string, string> | undefined) } });
}

/** POST an envelope to a collection. */
export function taxiiAdd(app: Requester, collection: string, objects: unknown[], auth: Record<string, string>, contentType = TAXII): Promise<Response> {
  return taxiiCall(app, `${collection}/objects/`, auth, { method: "POST", body: JSON.stringify({ objects }), headers: { "content-type": contentType } });
}

/** What a fictional incident submission says. */
export interface Submitted {
  /** The notice's subject; its title is `${name}に関するお知らせ`. */
  name: string;
  org: string;
  tlp: Tlp;
  count: number;
  /** Seeds the STIX ids (default: the name), so the same words can come as different objects. */
  seed?: string;
  /** Every object's `modified` (default: created), for a newer version of the same objects. */
  modified?: string;
}

/**
 * A fictional foreign incident as a TAXII client would send it: the organisation, the incident, the
 * relationship between them and the notice as a report, all marked `tlp` (with its marking definition).
 */
export function submission(s: Submitted): StixObj[] {
  const marks = { object_marking_refs: [TLP2_MARKING_IDS[s.tlp]] };
  const seed = s.seed ?? s.name;
  const base = (type: string) => ({ type, spec_version: "2.1", id: stixId(type, `taxii-test ${seed}`), created: NOTICE_DATE, modified: s.modified ?? NOTICE_DATE, ...marks });
  const title = `${s.name}に関するお知らせ`;
  const text = [
    "2025年3月1日", s.org, "", title, "",
    `2025年2月20日、当社の受注管理サーバーが第三者による不正アクセスを受け、顧客約${s.count}名の氏名およびメールアドレスが流出した可能性があることが判明しました。`,
    "現在、外部の専門機関と調査を進めております。",
  ].join("\n");
  const identity = { ...base("identity"), name: s.org, identity_class: "organization" };
  const incident = { ...base("incident"), name: title, description: "受注管理サーバーへの不正アクセス" };
  const rel = { ...base("relationship"), relationship_type: "related-to", source_ref: incident.id, target_ref: identity.id };
  const report = { ...base("report"), name: title, description: text, published: NOTICE_DATE, report_types: ["threat-report"], object_refs: [incident.id, identity.id, rel.id] };
  return [tlpMarking(s.tlp) as StixObj, identity, incident, rel, report];
}
