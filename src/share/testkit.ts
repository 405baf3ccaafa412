// Shared helpers for the sharing tests (no tests of its own). The build leaves testkit.ts files out (tsconfig.build.json).
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { IncidentFields, Tag } from "../core/types.js";
import { emptyFields } from "../core/fields.js";
import type { IncidentDetail } from "../store/types.js";

/** Where the official OASIS STIX 2.1 JSON schemas are kept (beside the repository). */
export const STIX_SCHEMAS = fileURLToPath(new URL("../../../shared/stix2.1-json-schemas/schemas", import.meta.url));

/** A fictional incident with every field, one source notice, and the given overrides. */
export function incident(id: string, over: { fields?: Partial<IncidentFields>; tlp?: string; tags?: Tag[]; notices?: Partial<IncidentDetail["notices"][number]>[]; title?: string } = {}): IncidentDetail {
  const fields = { ...emptyFields(), ...over.fields };
  const notices = (over.notices ?? [{}]).map((n, i) => ({
    id: `ntc_${id.slice(4)}${i}`, document: (id.slice(4) + String(i)).padEnd(64, "0").slice(0, 64).replace(/[^0-9a-f]/g, "a"), title: over.title ?? `${id} のお知らせ`,
    span: [0, 10] as [number, number], kind: "incident_notice" as const, is_incident: true, reason: "fixture", listing_date: null,
    source: `https://example.jp/news/${id}.html`, fetched_at: "2025-01-02T03:04:05.678Z", fields, findings: [], link: null, ...n,
  }));
  return {
    id, title: over.title ?? `${id} のお知らせ`, organization: fields.organization, sector: fields.sector, disclosed_on: fields.disclosed_on,
    discovered_on: fields.discovered_on, incident_types: fields.incident_types, affected_count: fields.affected_count, sources: notices.length,
    updated_at: "2025-01-03T00:00:00.000Z", fields, tlp: over.tlp ?? "CLEAR", tags: over.tags ?? [], notices, overrides: [], related: [], aliases: [],
    created_at: "2025-01-02T03:04:05.678Z",
  };
}

/** A validator of STIX objects against the official schemas (ajv, JSON Schema 2020-12), or null when the schemas are absent. */
export function stixSchemas(): { validate: (o: { type: string }) => string[]; bundleTypes: Set<string>; validateBundle: (b: unknown) => string[] } | null {
  if (!existsSync(STIX_SCHEMAS)) return null;
  // Both packages are CommonJS: under NodeNext their default import is module.exports, whose `default` is the export.
  const ajv = new Ajv2020.default({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats.default(ajv);
  // ajv-formats has no idn-hostname; the schemas use it only for domain-name values, which these tests do not emit.
  ajv.addFormat("idn-hostname", true);
  const ids = new Map<string, string>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith(".json")) {
        const schema = JSON.parse(readFileSync(p, "utf8")) as { $id: string };
        ajv.addSchema(schema);
        ids.set(p.slice(STIX_SCHEMAS.length + 1), schema.$id);
      }
    }
  };
  walk(STIX_SCHEMAS);
  const byType = (type: string) => ["sdos", "sros", "observables", "common"].map((d) => ids.get(`${d}/${type}.json`)).find((x) => x !== undefined);
  const messages = (errors: { instancePath: string; message?: string }[] | null | undefined) => (errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
  const bundleSchema = JSON.parse(readFileSync(join(STIX_SCHEMAS, "common/bundle.json"), "utf8")) as { properties: { objects: { items: { anyOf: [{ oneOf: { $ref: string }[] }] } } } };
  const bundleTypes = new Set(bundleSchema.properties.objects.items.anyOf[0].oneOf.map((r) => r.$ref.replace(/^.*\/|\.json$/g, "")));
  return {
    validate(o) {
      const id = byType(o.type);
      if (!id) return [`no schema for type ${o.type}`];
      const v = ajv.getSchema(id)!;
      return v(o) ? [] : messages(v.errors);
    },
    bundleTypes,
    validateBundle(b) {
      const v = ajv.getSchema(ids.get("common/bundle.json")!)!;
      return v(b) ? [] : messages(v.errors);
    },
  };
}
