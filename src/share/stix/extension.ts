import type { IncidentDetail, NoticeRecord, StoredDocument } from "../../store/types.js";

/** The id of Jikenbo's STIX extension definition (fixed: consumers key on it). */
export const EXTENSION_ID = "extension-definition--5936746b-0abb-4010-a61a-e4dcaddeac1c";
/** The id of the Jikenbo identity that creates every object it exports. */
export const JIKENBO_IDENTITY_ID = "identity--47c5125f-54d1-4e1d-9079-4efc39317fa0";
/** Version of the extension's properties. */
const EXTENSION_VERSION = "1.0.0";
/** Where the extension's JSON schema (`EXTENSION_SCHEMA`) is published. */
export const EXTENSION_SCHEMA_URL = "https://github.com/jikenbo/jikenbo/blob/main/src/share/stix/jikenbo-extension.schema.json";
/** Creation time of the fixed Jikenbo objects (identity, extension definition). */
export const JIKENBO_EPOCH = "2025-01-01T00:00:00.000Z";

const dateString = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" } as const;
const nonEmptyStrings = { type: "array", minItems: 1, items: { type: "string" } } as const;

/** JSON Schema (2020-12) of the properties the extension adds to `incident` and `report` objects. */
export const EXTENSION_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: EXTENSION_SCHEMA_URL,
  title: "Jikenbo casebook properties",
  description: "Structured fields of a Japanese security-incident disclosure as Jikenbo extracts them (incident), and the archived notice a report stands for (report).",
  anyOf: [{ $ref: "#/$defs/incident" }, { $ref: "#/$defs/report" }],
  $defs: {
    incident: {
      type: "object",
      required: ["extension_type", "jikenbo_id", "status"],
      additionalProperties: false,
      properties: {
        extension_type: { const: "property-extension" },
        jikenbo_id: { type: "string", description: "The incident's id in the casebook that exported it" },
        organization: { type: "string" },
        other_parties: nonEmptyStrings,
        disclosed_on: dateString,
        discovered_on: dateString,
        exposure_period: {
          type: "object", additionalProperties: false, required: ["from", "to"],
          properties: { from: { anyOf: [dateString, { type: "null" }] }, to: { anyOf: [dateString, { type: "null" }] } },
        },
        incident_types: nonEmptyStrings,
        affected_count: { type: "integer", minimum: 0 },
        affected_count_text: { type: "string" },
        secondary_counts: {
          type: "array", minItems: 1,
          items: {
            type: "object", additionalProperties: false, required: ["value", "text", "qualifiers"],
            properties: { value: { type: "number" }, text: { type: "string" }, qualifiers: { type: "array", items: { type: "string" } } },
          },
        },
        data_types: nonEmptyStrings,
        reported_to: nonEmptyStrings,
        sector: { type: "string" },
        indicators: nonEmptyStrings,
        cause: {
          type: "object", additionalProperties: false, required: ["text", "category"],
          properties: { text: { type: "string" }, category: { type: "string" } },
        },
        response: nonEmptyStrings,
        measures: nonEmptyStrings,
        status: { enum: ["investigating", "resolved", "unknown"] },
        casebook_id: { type: "string" },
        tsr_cause: { type: "string" },
        tsr_medium: { type: "string" },
        attack: nonEmptyStrings,
        veris_action: nonEmptyStrings,
        veris_asset: nonEmptyStrings,
        veris_attribute: nonEmptyStrings,
        basics: nonEmptyStrings,
      },
    },
    report: {
      type: "object",
      required: ["extension_type", "notice_id", "source", "fetched_at", "document_sha256"],
      additionalProperties: false,
      properties: {
        extension_type: { const: "property-extension" },
        notice_id: { type: "string" },
        source: { type: "string", description: "The URL (or FEED_URL#ITEM) the document was read from, else sha256:HASH of the archived document; never a local path" },
        fetched_at: { type: "string" },
        document_sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
        media_type: { type: "string" },
        document_published: { ...dateString, description: "The publication date the document's container (a feed item) gave" },
        kind: { type: "string" },
        disclosed_on: { ...dateString, description: "The disclosure date this notice itself states" },
        listing_date: dateString,
        notice_text: { type: "string", description: "The notice's words as decoded from the archived document" },
      },
    },
  },
} as const;

/** The extension-definition object announcing Jikenbo's properties. */
export function extensionDefinition(marking: string): Record<string, unknown> {
  return {
    type: "extension-definition",
    spec_version: "2.1",
    id: EXTENSION_ID,
    created_by_ref: JIKENBO_IDENTITY_ID,
    created: JIKENBO_EPOCH,
    modified: JIKENBO_EPOCH,
    name: "Jikenbo casebook properties",
    description: "Fields Jikenbo extracts from Japanese security-incident disclosures (organisation, dates, counts, data types, cause, TSR and VERIS classification) on incident objects, and the archived notice behind each report.",
    schema: EXTENSION_SCHEMA_URL,
    version: EXTENSION_VERSION,
    extension_types: ["property-extension"],
    object_marking_refs: [marking],
  };
}

/** Copy the entries whose value STIX can carry (no null, no empty list) into an extension object. */
function present(entries: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { extension_type: "property-extension" };
  for (const [k, v] of Object.entries(entries)) {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

/** The extension properties of an incident: its fields and the values of its taxonomy tags. */
export function incidentExtension(inc: IncidentDetail): Record<string, unknown> {
  const f = inc.fields;
  const tags = (taxonomy: string) => inc.tags.filter((t) => t.taxonomy === taxonomy).map((t) => t.value);
  return present({
    jikenbo_id: inc.id,
    organization: f.organization, other_parties: f.other_parties, disclosed_on: f.disclosed_on, discovered_on: f.discovered_on,
    exposure_period: f.exposure_period && (f.exposure_period.from || f.exposure_period.to) ? { from: f.exposure_period.from, to: f.exposure_period.to } : null,
    incident_types: f.incident_types, affected_count: f.affected_count, affected_count_text: f.affected_count_text,
    secondary_counts: f.secondary_counts.map((c) => ({ value: c.value, text: c.text, qualifiers: c.qualifiers })),
    data_types: f.data_types, reported_to: f.reported_to, sector: f.sector, indicators: f.indicators,
    cause: f.cause ? { text: f.cause.text, category: f.cause.category } : null,
    response: f.response, measures: f.measures, status: f.status, casebook_id: f.casebook_id,
    tsr_cause: tags("tsr_cause")[0], tsr_medium: tags("tsr_medium")[0], attack: tags("attack"),
    veris_action: tags("veris_action"), veris_asset: tags("veris_asset"), veris_attribute: tags("veris_attribute"), basics: tags("basics"),
  });
}

/** The extension properties of a report: the archived notice it stands for, with its words when the document's text is known. */
export function reportExtension(n: NoticeRecord, doc: StoredDocument | undefined, withText: boolean): Record<string, unknown> {
  const text = withText && doc?.text ? doc.text.slice(n.span[0], n.span[1]) : null;
  return present({
    notice_id: n.id, source: n.source, fetched_at: n.fetched_at, document_sha256: n.document, media_type: doc?.mediaType, document_published: doc?.published,
    kind: n.kind, disclosed_on: n.fields?.disclosed_on ?? null, listing_date: n.listing_date, notice_text: text,
  });
}
