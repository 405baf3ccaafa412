import { sha256 } from "../../core/document.js";
import { INCIDENT_TYPE_LABELS } from "../../intel/taxonomies/incident-type.js";
import { TLP_LEVELS, tlpRank, type Tlp } from "../../intel/taxonomies/tlp.js";
import type { IncidentDetail, NoticeRecord, StoredDocument } from "../../store/types.js";
import { incidentTlp, publicUrl, shareable } from "../select.js";
import { EXTENSION_ID, extensionDefinition, incidentExtension, JIKENBO_EPOCH, JIKENBO_IDENTITY_ID, reportExtension } from "./extension.js";
import { stixId, stixTime } from "./ids.js";
import { indicatorPattern, kindOfIndicator } from "./pattern.js";
import { tlpMarking, TLP2_MARKING_IDS } from "./tlp.js";
import { attackUrl, killChainPhases, STIX_SECTORS, technique } from "./vocab.js";

/** A STIX 2.1 object as exported: a plain JSON object with its type and id. */
export interface StixObject {
  type: string;
  id: string;
  [property: string]: unknown;
}

/** A STIX 2.1 bundle. */
export interface Bundle {
  type: "bundle";
  id: string;
  objects: StixObject[];
}

/** Options of the STIX export. */
export interface StixOptions {
  /** The most restrictive TLP level exported (default CLEAR). */
  maxTlp?: Tlp;
  /** Put each notice's words in its report's extension (default true). */
  noticeText?: boolean;
}

/** An object several incidents may yield (an organisation, an indicator): built from the least restricted of them. */
interface Shared {
  rank: number;
  created: string;
  modified: string;
  /** The incidents at that rank that yield it. */
  from: IncidentDetail[];
  build: (s: Shared) => StixObject;
}

const TYPE_ORDER = ["incident", "identity", "attack-pattern", "indicator", "report", "relationship"];

/** The latest of some timestamps. */
function latest(...ts: string[]): string {
  return ts.reduce((a, b) => (b > a ? b : a));
}

/** The common properties of an object Jikenbo creates. */
function common(type: string, id: string, created: string, modified: string, rank: number): StixObject {
  return { type, spec_version: "2.1", id, created_by_ref: JIKENBO_IDENTITY_ID, created, modified, object_marking_refs: [TLP2_MARKING_IDS[TLP_LEVELS[rank]!]] };
}

/** An external reference to a notice's source: its public URL (if it has one) and the SHA-256 of the archived document. */
function sourceReference(n: NoticeRecord): Record<string, unknown> {
  const url = publicUrl(n.source);
  return { source_name: "jikenbo-archive", ...(url ? { url } : { description: "the archived document, by its SHA-256" }), hashes: { "SHA-256": n.document } };
}

/** A readable summary of an incident's fields. */
function describe(inc: IncidentDetail): string {
  const f = inc.fields;
  const types = f.incident_types.map((t) => INCIDENT_TYPE_LABELS[t].en.toLowerCase()).join(", ");
  const parts = [`${f.organization ?? "An organisation"} disclosed ${types || "a security incident"}${f.disclosed_on ? ` on ${f.disclosed_on}` : ""}.`];
  if (f.discovered_on) parts.push(`Discovered on ${f.discovered_on}.`);
  if (f.affected_count !== null) parts.push(`Affected: ${f.affected_count_text ?? f.affected_count} (${f.affected_count}).`);
  if (f.data_types.length) parts.push(`Data: ${f.data_types.join(", ")}.`);
  if (f.cause) parts.push(`Cause (${f.cause.category}): ${f.cause.text}`);
  return parts.join(" ");
}

/** When a notice was published: the date it states, its listing date, else when it was archived. */
function published(n: NoticeRecord): string {
  return stixTime(n.fields?.disclosed_on ?? n.listing_date ?? n.fetched_at);
}

/**
 * A STIX 2.1 bundle of incidents: per incident an `incident` with the Jikenbo extension, identities for
 * the organisation and other parties, ATT&CK attack patterns, indicators, one report per source notice
 * and the relationships between them, every object marked with the official TLP 2.0 marking of the
 * least restricted incident it comes from. Ids are UUIDv5 of natural keys, so the same casebook always
 * gives the same bytes. `docs` are the archived documents the notices cite (for hashes, media type and text).
 */
export function stixBundle(incidents: readonly IncidentDetail[], docs: ReadonlyMap<string, StoredDocument>, opts: StixOptions = {}): Bundle {
  const chosen = shareable(incidents, opts.maxTlp ?? "CLEAR");
  const objects = new Map<string, StixObject>();
  const shared = new Map<string, Shared>();
  const used = new Set<number>([0]);
  const incidentIds = new Map<string, string>();
  for (const inc of chosen) incidentIds.set(inc.id, stixId("incident", inc.id));
  const byId = new Map(chosen.map((i) => [i.id, i]));
  const pairs = new Set<string>();

  /** Record that an incident yields a shared object. */
  const share = (id: string, inc: IncidentDetail, rank: number, created: string, modified: string, build: Shared["build"]) => {
    const cur = shared.get(id);
    if (!cur || rank < cur.rank) shared.set(id, { rank, created, modified, from: [inc], build });
    else if (rank === cur.rank) {
      cur.created = cur.created < created ? cur.created : created;
      cur.modified = latest(cur.modified, modified);
      cur.from.push(inc);
    }
  };
  const relationship = (type: string, source: string, target: string, created: string, modified: string, rank: number, description?: string): StixObject => ({
    ...common("relationship", stixId("relationship", `${source}|${type}|${target}`), created, modified, rank),
    relationship_type: type, ...(description ? { description } : {}), source_ref: source, target_ref: target,
  });

  for (const inc of chosen) {
    const rank = tlpRank(incidentTlp(inc));
    used.add(rank);
    const created = stixTime(inc.created_at);
    const modified = latest(created, stixTime(inc.updated_at));
    const id = incidentIds.get(inc.id)!;
    const f = inc.fields;
    const refs: string[] = [id];
    const attack = inc.tags.filter((t) => t.taxonomy === "attack" && technique(t.value)).map((t) => t.value);

    const phases = killChainPhases(attack);
    objects.set(id, {
      ...common("incident", id, created, modified, rank),
      name: inc.title,
      description: describe(inc),
      ...(f.incident_types.length ? { labels: [...f.incident_types] } : {}),
      ...(phases.length ? { kill_chain_phases: phases } : {}),
      external_references: [
        { source_name: "jikenbo", external_id: inc.id, description: "Jikenbo casebook incident" },
        ...inc.notices.map(sourceReference),
      ],
      extensions: { [EXTENSION_ID]: incidentExtension(inc) },
    });

    const parties: [string, string][] = [];
    if (f.organization) parties.push([f.organization, "the organisation that disclosed the incident"]);
    for (const p of f.other_parties) if (p !== f.organization) parties.push([p, "another party the notice names (vendor, contractor, affected partner)"]);
    let victim: string | null = null;
    for (const [name, role] of parties) {
      const identity = stixId("identity", name.normalize("NFKC").replace(/\s+/g, " ").trim());
      if (name === f.organization) victim = identity;
      share(identity, inc, rank, created, modified, (s) => {
        const sectors = [...new Set(s.from.flatMap((i) => (i.fields.organization === name && i.fields.sector ? STIX_SECTORS[i.fields.sector] : [])))].sort();
        return { ...common("identity", identity, s.created, s.modified, s.rank), name, identity_class: "organization", ...(sectors.length ? { sectors } : {}) };
      });
      const rel = relationship("related-to", id, identity, created, modified, rank, role);
      objects.set(rel.id, rel);
      refs.push(identity, rel.id);
    }

    for (const tid of attack) {
      const t = technique(tid)!;
      const ap = stixId("attack-pattern", t.id);
      share(ap, inc, rank, created, modified, (s) => ({
        ...common("attack-pattern", ap, s.created, s.modified, s.rank),
        name: t.name,
        external_references: [{ source_name: "mitre-attack", external_id: t.id, url: attackUrl(t.id) }],
        ...(t.tactics.length ? { kill_chain_phases: killChainPhases([t.id]) } : {}),
      }));
      const rel = relationship("related-to", id, ap, created, modified, rank, `technique used in the incident: ${t.id} ${t.name}`);
      objects.set(rel.id, rel);
      refs.push(ap, rel.id);
      if (victim) {
        const targets = stixId("relationship", `${ap}|targets|${victim}`);
        const victimId = victim;
        share(targets, inc, rank, created, modified, (s) => relationship("targets", ap, victimId, s.created, s.modified, s.rank));
        refs.push(targets);
      }
    }

    for (const value of f.indicators) {
      const kind = kindOfIndicator(value);
      const ind = stixId("indicator", `${kind}|${value}`);
      share(ind, inc, rank, created, modified, (s) => {
        const validFrom = s.from.map((i) => stixTime(i.fields.disclosed_on ?? i.created_at)).sort()[0]!;
        const compromised = s.from.some((i) => i.fields.incident_types.includes("account_takeover")) && (kind === "email" || kind === "url");
        return {
          ...common("indicator", ind, s.created, s.modified, s.rank),
          name: value,
          description: `${kind} named as attacker-side in the disclosure of ${[...new Set(s.from.map((i) => i.fields.organization ?? i.title))].join(", ")}`,
          indicator_types: compromised ? ["compromised", "malicious-activity"] : ["malicious-activity"],
          pattern: indicatorPattern(value, kind),
          pattern_type: "stix",
          pattern_version: "2.1",
          valid_from: validFrom,
        };
      });
      const rel = relationship("related-to", ind, id, created, modified, rank, "indicator named in the incident's disclosure");
      objects.set(rel.id, rel);
      refs.push(ind, rel.id);
    }

    for (const n of inc.notices) {
      const parent = byId.get(/^split off (inc_[0-9a-f]+)/.exec(n.link?.reason ?? "")?.[1] ?? "");
      if (!parent || parent === inc) continue;
      const rel = relationship("derived-from", id, incidentIds.get(parent.id)!, created, modified, Math.max(rank, tlpRank(incidentTlp(parent))), "split off this incident by an analyst");
      objects.set(rel.id, rel);
      refs.push(rel.id);
    }

    for (const r of inc.related) {
      const other = byId.get(r.id);
      const pair = [inc.id, r.id].sort().join("|");
      if (!other || other === inc || pairs.has(pair)) continue;
      pairs.add(pair);
      const [a, b] = inc.id < other.id ? [inc, other] : [other, inc];
      const rel = relationship("related-to", incidentIds.get(a.id)!, incidentIds.get(b.id)!, latest(stixTime(a.created_at), stixTime(b.created_at)),
        latest(stixTime(a.created_at), stixTime(a.updated_at), stixTime(b.created_at), stixTime(b.updated_at)),
        Math.max(tlpRank(incidentTlp(a)), tlpRank(incidentTlp(b))), r.reason);
      objects.set(rel.id, rel);
      refs.push(rel.id);
    }

    for (const n of inc.notices) {
      const doc = docs.get(n.document);
      const rid = stixId("report", n.id);
      const rcreated = stixTime(n.fetched_at);
      objects.set(rid, {
        ...common("report", rid, rcreated, latest(rcreated, modified), rank),
        name: n.title,
        description: n.title,
        lang: "ja",
        report_types: ["threat-report"],
        published: published(n),
        object_refs: [...new Set(refs)],
        external_references: [sourceReference(n)],
        extensions: { [EXTENSION_ID]: reportExtension(n, doc, opts.noticeText ?? true) },
      });
    }
  }
  for (const [id, s] of shared) objects.set(id, s.build(s));

  const rest = [...objects.values()].sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const all: StixObject[] = [
    jikenboIdentity(),
    extensionDefinition(TLP2_MARKING_IDS.CLEAR) as StixObject,
    ...[...used].sort((a, b) => a - b).map((r) => tlpMarking(TLP_LEVELS[r]!) as StixObject),
    ...rest,
  ];
  return { type: "bundle", id: stixId("bundle", sha256(JSON.stringify(all))), objects: all };
}

/** The identity of Jikenbo, creator of every object it exports. */
function jikenboIdentity(): StixObject {
  return {
    type: "identity", spec_version: "2.1", id: JIKENBO_IDENTITY_ID, created: JIKENBO_EPOCH, modified: JIKENBO_EPOCH,
    name: "Jikenbo", description: "Jikenbo (事件簿): a casebook of publicly disclosed security incidents, extracted from Japanese disclosures",
    identity_class: "system", object_marking_refs: [TLP2_MARKING_IDS.CLEAR],
  };
}
