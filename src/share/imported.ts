import { checkMarking, maySee, stricter, type Writer } from "../casebook/authorize.js";
import type { Placement } from "../casebook/correlate.js";
import { statedChanges, type FieldChange } from "../casebook/edit.js";
import { sha256 } from "../core/document.js";
import { checkFieldValue, CorrectionError } from "../core/corrections.js";
import { analyse, openDocument } from "../core/pipeline.js";
import { CAUSE_CATEGORIES, type Casefile, type IncidentFields, type Label, type Notice, type SourceDocument, type Tag, type TaxonomyName } from "../core/types.js";
import { emptyFields } from "../core/fields.js";
import { BASIC_INFO, type Basic } from "../intel/taxonomies/basics.js";
import { tagNotice } from "../intel/taxonomies/index.js";
import { INCIDENT_TYPE_LABELS } from "../intel/taxonomies/incident-type.js";
import { SECTOR_LABELS } from "../intel/taxonomies/sector.js";
import { makeTag } from "../intel/taxonomies/tag.js";
import { TLP, type Tlp } from "../intel/taxonomies/tlp.js";
import { TSR_CAUSE_LABELS, TSR_MEDIUM_LABELS, type TsrCause, type TsrMedium } from "../intel/taxonomies/tsr.js";
import { VERIS_ACTION_LABELS, VERIS_ASSETS, VERIS_VARIETIES, type VerisAction, type VerisAsset, type VerisVariety } from "../intel/taxonomies/veris.js";
import { noticeRows } from "../store/records.js";
import type { Store } from "../store/types.js";
import { technique } from "./stix/vocab.js";

/** One source of an imported incident: the words a report or event holds, and where they came from. */
export interface ImportedSource {
  title: string;
  /** The original URL or path when the format records it, else a `stix:`/`misp:` name. */
  source: string;
  /** ISO time the original was archived (or the report created). */
  fetchedAt: string;
  /** `YYYY-MM-DD` the source's container (a feed item) says it was published, if known. */
  published: string | null;
  /** The date this notice itself states, if known (orders sources as the exporting casebook did). */
  disclosedOn: string | null;
  listingDate: string | null;
  /** The notice's words, or the report's name and description. */
  text: string;
  /** SHA-256 of the archived original the exporter had, when given. */
  originalSha256: string | null;
}

/** An incident read from a bundle or event: the fields the format states and its sources. */
export interface ImportedIncident {
  /** The object's id in the imported file, for messages. */
  key: string;
  /** Fields the file states; each becomes an analyst correction, so re-extraction keeps it. */
  fields: Partial<IncidentFields>;
  tlp: Tlp | null;
  /** Taxonomy tags (labels rebuilt) when the file carries them; null lets the tagger decide. */
  tags: Tag[] | null;
  sources: ImportedSource[];
}

/** What a file holds for the casebook. */
export interface ImportPlan {
  incidents: ImportedIncident[];
  /** Reports that stand for no incident: archived and extracted like any ingested document. */
  documents: ImportedSource[];
  warnings: string[];
}

/** What an import did. */
export interface ImportSummary {
  incidentsNew: number;
  incidentsUpdated: number;
  incidentsUnchanged: number;
  /** Documents archived from reports that stand for no incident. */
  documents: number;
  /** Incidents opened or changed. */
  incidentIds: string[];
  warnings: string[];
}

/** A stated cause with a category outside the vocabulary read as one of unknown category. */
function knownCategory(value: unknown): unknown {
  const c = value as { category?: unknown } | null;
  return c && typeof c === "object" && !(CAUSE_CATEGORIES as readonly unknown[]).includes(c.category) ? { ...c, category: "unknown" } : value;
}

const ATTRIBUTE_LABELS: Readonly<Record<string, Label>> = {
  confidentiality: { ja: "機密性", en: "Confidentiality" }, integrity: { ja: "完全性", en: "Integrity" }, availability: { ja: "可用性", en: "Availability" },
};

/** The label a taxonomy gives a value, or null when the value is not in it. */
function taxonomyLabel(taxonomy: TaxonomyName, value: string): Label | null {
  switch (taxonomy) {
    case "incident_type": return (INCIDENT_TYPE_LABELS as Record<string, Label>)[value] ?? null;
    case "sector": return (SECTOR_LABELS as Record<string, Label>)[value] ?? null;
    case "tsr_cause": return TSR_CAUSE_LABELS[value as TsrCause] ?? null;
    case "tsr_medium": return TSR_MEDIUM_LABELS[value as TsrMedium] ?? null;
    case "tlp": return TLP[value as Tlp]?.label ?? null;
    case "basics": return BASIC_INFO[value as Basic]?.label ?? null;
    case "veris_asset": return value in VERIS_ASSETS ? { ja: VERIS_ASSETS[value as VerisAsset], en: value } : null;
    case "veris_attribute": return ATTRIBUTE_LABELS[value] ?? null;
    case "attack": {
      const t = technique(value);
      return t ? { ja: `${t.id} ${t.ja}`, en: `${t.id} ${t.name}` } : null;
    }
    case "veris_action": {
      const cat = VERIS_ACTION_LABELS[value.split(".")[0] as VerisAction];
      if (!cat) return null;
      if (!value.includes(".")) return cat;
      const v = VERIS_VARIETIES[value as VerisVariety];
      return v ? { ja: `${cat.ja}: ${v.ja}`, en: `${cat.en}: ${v.en}` } : null;
    }
  }
}

/**
 * Taxonomy tags rebuilt from imported values (unknown values dropped), plus the incident-type,
 * sector and TLP tags the fields imply, each with the reason it was imported.
 */
export function importedTags(values: { taxonomy: TaxonomyName; value: string }[], fields: Partial<IncidentFields>, tlp: Tlp | null, why: string): Tag[] {
  const all = [
    ...(fields.incident_types ?? []).map((value) => ({ taxonomy: "incident_type" as const, value })),
    ...(fields.sector ? [{ taxonomy: "sector" as const, value: fields.sector }] : []),
    ...values,
    ...(tlp ? [{ taxonomy: "tlp" as const, value: tlp }] : []),
  ];
  const out: Tag[] = [];
  for (const { taxonomy, value } of all) {
    const label = taxonomyLabel(taxonomy, value);
    if (label && !out.some((t) => t.taxonomy === taxonomy && t.value === value)) out.push(makeTag(taxonomy, value, label, why, 1));
  }
  return out;
}

/** Keep the stated fields whose values fit their types and vocabularies; say why the others were dropped. */
export function checkedFields(stated: Record<string, unknown>, key: string, warnings: string[]): Partial<IncidentFields> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(stated)) {
    if (value === undefined) continue;
    try {
      out[field] = checkFieldValue(field, field === "cause" ? knownCategory(value) : value);
    } catch (e) {
      if (!(e instanceof CorrectionError)) throw e;
      warnings.push(`${key}: ${e.message}; dropped`);
    }
  }
  return out as Partial<IncidentFields>;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The document an imported source is archived as: a small HTML page with the title and the words in
 * a <pre>, so that it reads the same whatever its source is named and re-extraction finds the notice again.
 * `copy` > 0 gives other bytes for the same words: a copy of its own, when the first is archived under
 * an incident the importer may not see.
 */
function syntheticDocument(s: ImportedSource, copy = 0): SourceDocument {
  const mark = copy ? `<meta name="jikenbo-copy" content="${copy}">` : "";
  const html = `<!doctype html>\n<html lang="ja"><head><meta charset="utf-8">${mark}<title>${escapeHtml(s.title)}</title></head>\n<body><pre>${escapeHtml(s.text)}</pre></body></html>\n`;
  const bytes = new TextEncoder().encode(html);
  const doc: SourceDocument = { bytes, sha256: sha256(bytes), source: s.source, mediaType: "text/html", fetchedAt: s.fetchedAt, title: s.title };
  if (s.published) doc.published = s.published;
  return doc;
}

const titleKey = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/** A notice's tags with its TLP tag the strictest of what its words say and the marking it was shared under. */
function markedAs(tags: Tag[], tlp: Tlp | null, why: string): Tag[] {
  const words = tags.find((t) => t.taxonomy === "tlp");
  if (!tlp || (words && !stricter(tlp, words.value))) return tags;
  return [...tags.filter((t) => t.taxonomy !== "tlp"), makeTag("tlp", tlp, TLP[tlp].label, why, 1)];
}

/**
 * The casefile of one imported source: the pipeline's analysis when it finds exactly this notice as
 * the one incident, else (`forced`) a single incident notice built from the imported fields. Imported
 * tags replace the tagger's; the notice carries the marking it was shared under.
 */
async function importedCasefile(item: ImportedIncident, s: ImportedSource, why: string, copy: number): Promise<{ cf: Casefile; forced: boolean }> {
  const [cf] = await openDocument(syntheticDocument(s, copy));
  if (!cf) throw new Error(`${item.key}: the imported source could not be read`);
  analyse(cf);
  const found = cf.notices.filter((n) => n.isIncident && n.incident);
  const ours = found.length === 1 && titleKey(found[0]!.title) === titleKey(s.title) ? found[0]! : null;
  if (ours) {
    // What the exporting casebook recorded for this notice wins over what its words alone say.
    ours.title = s.title;
    if (s.listingDate) ours.listingDate = s.listingDate;
    if (s.disclosedOn) ours.incident!.fields.disclosed_on = s.disclosedOn;
    ours.incident!.tags = markedAs(item.tags ?? ours.incident!.tags, item.tlp, why);
    return { cf, forced: false };
  }
  const fields = { ...emptyFields(), ...item.fields, disclosed_on: s.disclosedOn };
  const at = Math.max(0, cf.text.indexOf(s.title));
  const notice: Notice = {
    index: 0, title: s.title, span: [0, cf.text.length], titleSpan: [at, at + (cf.text.includes(s.title) ? s.title.length : 0)],
    kind: "incident_notice", isIncident: true, reason: why, listingDate: s.listingDate, category: null, publisher: null,
    incident: { fields, findings: [], confidence: {}, tags: [] },
  };
  notice.incident!.tags = markedAs(item.tags ?? tagNotice({ fields, findings: [], source: cf.text, span: notice.span }), item.tlp, why);
  cf.notices = [notice];
  return { cf, forced: true };
}

/** How many copies of the same words an import tries before it gives up placing a source. */
const MAX_COPIES = 8;

/** The incident that holds a notice now, if the writer may see it: where an archived source went. */
async function holder(store: Store, notice: string, own: string, target: string | null, writer: Writer): Promise<string | null> {
  for (const id of [own, target]) {
    const inc = id === null ? null : await store.getIncident(id);
    if (inc && maySee(writer.clearance, inc.tlp) && inc.notices.some((n) => n.id === notice)) return inc.id;
  }
  return null;
}

/**
 * Store one imported source where it belongs, never where correlation would put it: into `target`
 * (the incident its earlier sources are in), else into an incident of its own with the stated fields
 * and marking as the writer's corrections, in the one transaction that archives it. When its document
 * is already archived it lands where it is, unless that is under an incident the writer may not see:
 * then another copy of the same words is placed, and nothing is said about the hidden one. Returns the
 * incident its notice is in, whether the document is new, and whether its notice had to be forced.
 */
async function storeSource(store: Store, item: ImportedIncident, s: ImportedSource, target: string | null, writer: Writer): Promise<{ landed: string | null; stored: boolean; forced: boolean }> {
  const stated = Object.entries(item.fields).map(([field, value]) => ({ field, value }) as FieldChange);
  const placement: Placement = target === null ? { open: { fields: stated, tlp: item.tlp } } : { join: target };
  for (let copy = 0; copy < MAX_COPIES; copy++) {
    const { cf, forced } = await importedCasefile(item, s, writer.why ?? "imported", copy);
    const row = noticeRows(cf).find((r) => r.incidentId !== null)!;
    if ((await store.documentMarkings(cf.doc.sha256)).some((m) => !maySee(writer.clearance, m))) continue;
    const saved = await store.saveCasefile(cf, writer, { placement });
    if (saved.stored) return { landed: saved.incidentIds[0] ?? null, stored: true, forced };
    const landed = await holder(store, row.id, row.incidentId!, target, writer);
    if (landed !== null) return { landed, stored: false, forced };
  }
  return { landed: null, stored: false, forced: false };
}

/**
 * Write a plan into a store as `writer`. Each imported incident's sources are archived as synthetic
 * documents (one per report) and placed into one incident as they are saved, kept apart from incidents
 * it would otherwise be matched with; the stated fields and TLP become analyst corrections by the
 * writer, so list, search and show see them and re-extraction keeps them. A stated TLP never loosens an
 * incident's marking, and one above the writer's clearance is refused (ForbiddenError), as for any
 * write; nothing is imported into an incident the writer may not see. Sources archived before are
 * merged in and the incident corrected afterwards. `origin` names the file for the history.
 * Re-importing the same file changes nothing.
 */
export async function importPlan(store: Store, plan: ImportPlan, writer: Writer, origin: string): Promise<ImportSummary> {
  const sum: ImportSummary = { incidentsNew: 0, incidentsUpdated: 0, incidentsUnchanged: 0, documents: 0, incidentIds: [], warnings: [...plan.warnings] };
  for (const item of plan.incidents) {
    const why = `imported from ${origin} (${item.key})`;
    const actor: Writer = { ...writer, why };
    if (item.tlp) checkMarking(actor, item.tlp, item.key);
    let target: string | null = null;
    let fresh = false;
    for (const s of item.sources) {
      const { landed, stored, forced } = await storeSource(store, item, s, target, actor);
      if (forced && stored) sum.warnings.push(`${item.key}: "${s.title}" kept as imported, but the extractor does not read its words as one incident notice, so re-extraction would drop it`);
      if (landed === null) { sum.warnings.push(`${item.key}: source "${s.title}" could not be placed in an incident`); continue; }
      if (target === null) { target = landed; fresh = stored; continue; }
      if (landed !== target) await store.merge(target, [landed], actor);
    }
    if (target === null) continue;
    const inc = await store.getIncident(target);
    if (!inc) continue;
    const changes = statedChanges(item.fields, item.tlp, inc);
    if (changes.length) await store.edit(inc.id, changes, actor);
    if (fresh) sum.incidentsNew++;
    else if (changes.length) sum.incidentsUpdated++;
    else sum.incidentsUnchanged++;
    if (fresh || changes.length) sum.incidentIds.push(inc.id);
  }
  for (const s of plan.documents) {
    const doc = syntheticDocument(s);
    if (await store.hasDocument(doc.sha256)) continue;
    for (const cf of await openDocument(doc)) {
      const r = await store.saveCasefile(analyse(cf), writer);
      sum.documents++;
      sum.incidentsNew += r.incidentsNew;
      if (r.incidentsNew) sum.incidentIds.push(...r.incidentIds);
    }
  }
  return sum;
}
