import type { Notice, Span } from "../core/types.js";
import { ADVISORY_BODY_NAME, NOT_ORGANIZATION_INITIALS, orgKey, SELF_REFERENCE_WORD } from "../core/vocab/organizations.js";
import { DEFINED_AS_LABEL, isGeneric, orgNamesIn, type NameHit } from "../extract/names.js";
import { toOriginal } from "../extract/normalize/nfkc.js";
import type { Readings } from "../extract/reading.js";
import { matchesOf } from "../extract/scan.js";
import { incidentCue } from "./classify.js";
import { NAME_WORD, sameSubject, subjectOf } from "./subjects.js";

// Roundups: news reports and surveys that name several organisations hit by incidents in running text
// (「AとB、およびCからも被害が報告された」, "X Co. said …, while Y Inc. said …"). Each organisation named
// in a victim's place becomes a notice of its own, whatever layout the page was cut by.

/** An organisation a sentence names as hit, where it is named, and where its part of the text starts. */
export interface Victim {
  name: string;
  span: Span;
  /** Where the victim's part starts: its sentence's start for the first victim of a sentence, else its name's. */
  cut: number;
}

// Sentences: Japanese ends, line breaks, and an English full stop before a capital or a quote.
const SENTENCE_END = /[。！？!?]+|\n+|(?<=[a-z0-9)”"’])\.(?=\s+[A-Z“"])/g;
// English names that end like a body or a company: "Waseda University", "Chateraise Co.", "Japan Pension Service".
// …and a place's government named by what it is first: "The town of Izumogawa".
const ENGLISH_NAME = /\b(?:[A-Z][\w’'&.-]*\s(?:(?:of|and|for)\s)?){0,6}(?:Agency|Center|Centre|University|College|School|Hospital|Clinic|Corporation|Ministry|Service|Bank|Holdings|Association|Federation|Foundation|Institute|Museum|Brewery|Chamber of Commerce(?: and Industry)?|City|Town|Village|Prefecture|Inc\.|Ltd\.|Co\.|Corp\.)(?:,?\s(?:Ltd\.|Inc\.|Limited))?|\b[Tt]he (?:city|town|village|prefecture) of [A-Z][a-z]+/g;
// What follows a name in a victim's place: its subject particle (は, が, からも), a regulator's target (…に行政指導).
const ROLE_AFTER = /^\s?(?:は|が|も|では|でも|からも|から(?=[^。]{0,12}(?:被害|報告|流出|漏えい|漏洩)))|^\s?(?:に対し(?:て)?|へ|に)[^。、]{0,12}(?:行政指導|業務改善命令|勧告|命令|処分)/;
// English: the name says or suffers it ("Seki Co. in Matsuyama, Ehime Prefecture, said", "X, too, said").
// (A roundup may gloss the name in Japanese first: "Nagisa City（なぎさ市）said".)
const ENGLISH_ROLE_AFTER = /^(?:\s?[(（][^)）\n]{1,30}[)）])?(?:\s+in\s[^,.;]{1,40}(?:,\s[^,.;]{1,30})?,?|,[^,;]{1,90},)?\s*(?:said|says|announced|reported|disclosed|confirmed|admitted|apologi[sz]ed|incurred|suffered|(?:was|were|has been|had been) (?:hit|attacked|breached|infected))\b/;
// What stands before a name in a victim's place: 「被害を受けた森永製菓」, "according to NISC".
// …and an English sentence opening on where it happened: "In Kagamigaura City, a tax-office employee left a laptop…".
const ROLE_BEFORE = /(?:被害を受けた|被害に遭った|感染した|攻撃を受けた|不正アクセスを受けた|according to (?:the )?)\s?$|^\s*In\s$/i;
// Between two names of one enumeration: と, 、, および, "and" (a figure in brackets may follow the first).
const JOIN = /^(?:\s?[(（][^)）]{1,40}[)）])?\s?(?:と|、|,\s?(?:and\s)?|\sand\s|および|及び|や|並びに|、および|、及び)\s?$/;
// A name without a telling ending, standing in an enumeration right after a victim: 「…(164万人)、メタップス(46万人)」.
const BARE_NAME = /^[ァ-ヴー一-龥々A-Za-z0-9.・&]{2,30}(?=\s?[(（]|と|、|は|が|も|に)/;
// Overseers, police and advisory bodies are not victims; nor is a ministry or an agency acting in Japanese news (観光庁は…指示した),
// nor a data item that reads like a name (出身高校: the school a candidate comes from).
const NOT_VICTIM = new RegExp(`^(?:${ADVISORY_BODY_NAME}|${NOT_ORGANIZATION_INITIALS.join("|")}|[A-Za-z]{1,2})$|[省庁]$|(?:サービス|システム|サイト)$|警察|Police|^(?:同|当|弊|本|両|各|他)|^出身`);
/** True for a name that cannot be a victim (spaces of English names taken out). */
const notVictim = (name: string) => NOT_VICTIM.test(name.replace(/\s+/g, ""));
// A name that only reports what others suffered (「BBCは…被害が確認されたと報じています」) is a source, not a victim.
const REPORTS = /^[^。]*?と(?:報じ|伝え|指摘し|分析し)|^[^.]*?\b(?:reported|said) that (?!it\b|its\b)/;
// A name that instructs others in what to do (「市教育委員会では、全小中学校に対し…徹底を指示しました」) takes a measure: no victim.
const INSTRUCTS = /^[^。]*?(?:に対し(?:て)?|へ)[^。]{0,80}(?:指示|指導|通知|要請|依頼|周知)(?:し|を|いた|する)/;
// A name introduced as the writer's contractor (委託事業者である株式会社X, 保守業者の株式会社X) is a party to the writer's incident.
const CONTRACTOR_BEFORE = /(?:委託(?:事業者|先|業者|会社)|業務委託先|保守(?:業者|会社|事業者)|運営会社|開発(?:会社|業者)|ベンダー)(?:で|である|の|、)\s?$/;
// English words of an incident that the title cues leave out: a theft, an attack.
const ENGLISH_CUE = /\b(?:data )?theft\b|\bcyber-?attack(?:s|ed)?\b|\bhit by\b/i;
// A page that speaks of itself (当社, 弊社…; "we", "our", "the Company") is one organisation's notice, never a roundup.
const SELF = new RegExp(`${SELF_REFERENCE_WORD}|\\b(?:[Ww]e|[Oo]ur|the Company)\\b`, "g");

/** An organisation's name as it is compared: its key without the 社 of a defined short name (エデュパス社). */
const keyOf = (name: string) => orgKey(name).replace(/(?<=.{2})社$/, "");

/** True when two names are the same organisation (one key contains the other). */
function sameOrg(a: string, b: string): boolean {
  const x = keyOf(a), y = keyOf(b);
  return x !== "" && y !== "" && sameSubject(x, y);
}

/** Names of organisations in `text[from, to)`, given the names found there: names with a telling ending or a legal form, initials, English names. */
function namesIn(text: string, from: number, to: number, named: readonly NameHit[]): { name: string; start: number; end: number }[] {
  const slice = text.slice(from, to);
  const found = named.map(({ name, start, end }) => ({ name, start, end }));
  for (const re of [NAME_WORD, ENGLISH_NAME]) {
    re.lastIndex = 0;
    for (const m of matchesOf(re, slice)) {
      // (A capitalised preposition opening the sentence is no part of the name: "In Kagamigaura City, …".)
      const skip = re === ENGLISH_NAME ? /^(?:In|At|On|From) /.exec(m[0])?.[0].length ?? 0 : 0;
      const start = from + m.index! + skip, end = from + m.index! + m[0].length;
      if (!found.some((f) => f.start < end && start < f.end)) found.push({ name: m[0].slice(skip), start, end });
    }
  }
  return found.filter((f) => !isGeneric(f.name) && !notVictim(f.name) && !locates(text.slice(Math.max(0, f.start - 60), f.start), f.name)).sort((a, b) => a.start - b.start);
}

// An English place that locates a name before it: "… based in Tsukimi City, Chikuyo Prefecture, said" (both places).
const ENGLISH_PLACE = /\b(?:City|Town|Village|Ward|Prefecture)$|^[Tt]he (?:city|town|village|prefecture) of /;
const LOCATING = /\b(?:in|near|from|of)\s$|\bin\s(?:[A-Z][\w-]*\s){0,2}[A-Z][\w-]*,\s$/;

/** True when an English place name stands where it locates another name, not as a victim. */
function locates(before: string, name: string): boolean {
  return ENGLISH_PLACE.test(name) && LOCATING.test(before);
}

// A column quoting the title of an organisation's announcement: 「X株式会社による「…不正アクセス…」の約9万件」.
const ANNOUNCEMENT_BY = /^\s?による\s?「([^」]{4,120})」/;

/** True when what follows a name is the quoted title of its announcement of an incident. */
function announcesIncident(after: string): boolean {
  const quoted = ANNOUNCEMENT_BY.exec(after)?.[1];
  return quoted !== undefined && incidentCue(quoted) !== null;
}

/** The victims one sentence names: a name in a victim's place, and the names enumerated with it. */
function sentenceVictims(text: string, from: number, to: number, named: readonly NameHit[]): Victim[] {
  const names = namesIn(text, from, to, named);
  const victim = names.map((n) => {
    const after = text.slice(n.end, to).replace(/^\s?[(（][^)）]{1,40}[)）]/, "");
    return ROLE_AFTER.test(after) || ENGLISH_ROLE_AFTER.test(after) || ROLE_BEFORE.test(text.slice(from, n.start)) || announcesIncident(after);
  });
  const joined = (k: number) => k + 1 < names.length && JOIN.test(text.slice(names[k]!.end, names[k + 1]!.start));
  // An enumeration shares its place: what is said of its last name is said of all, and of its first, of the rest.
  for (let k = names.length - 2; k >= 0; k--) if (joined(k) && victim[k + 1]) victim[k] = true;
  for (let k = 0; k + 1 < names.length; k++) if (joined(k) && victim[k]) victim[k + 1] = true;
  names.forEach((n, k) => {
    if (!victim[k]) return;
    // 「X(…)は、センターとYが攻撃を受け」: Y joined to a word that X's name ends in shares X's incident.
    const partner = /([^\s、。,]{2,8})(?:と|および|及び)\s?$/.exec(text.slice(from, n.start));
    const shared = partner !== null && names.some((o, j) => j < k && victim[j] && o.name !== partner[1] && o.name.endsWith(partner[1]!));
    if (shared || REPORTS.test(text.slice(n.end, to)) || INSTRUCTS.test(text.slice(n.end, to)) || CONTRACTOR_BEFORE.test(text.slice(from, n.start))) victim[k] = false;
  });
  const out: Victim[] = [];
  names.forEach((n, k) => { if (victim[k]) out.push({ name: n.name, span: [n.start, n.end], cut: out.length === 0 ? from : n.start }); });
  // A name without an ending may follow the last victim of an enumeration.
  for (let last = out[out.length - 1]; last; ) {
    const rest = text.slice(last.span[1], to);
    const join = /^(?:\s?[(（][^)）]{1,40}[)）])?\s?(?:、|と|および|及び)\s?/.exec(rest);
    const bare = join ? BARE_NAME.exec(rest.slice(join[0].length)) : null;
    if (!bare || isGeneric(bare[0]) || notVictim(bare[0]) || incidentCue(bare[0])) break;
    const start = last.span[1] + join![0].length;
    last = { name: bare[0], span: [start, start + bare[0].length], cut: start };
    out.push(last);
  }
  return out;
}

/** The sentences of `text[from, to)` as offsets. */
function sentences(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let start = from;
  SENTENCE_END.lastIndex = 0;
  for (const m of matchesOf(SENTENCE_END, text.slice(from, to))) {
    const end = from + m.index! + m[0].length;
    if (text.slice(start, end).trim()) out.push([start, end]);
    start = end;
  }
  if (text.slice(start, to).trim()) out.push([start, to]);
  return out;
}

/**
 * Every organisation `text[from, to)` names as hit by an incident, once each, in order. The part is read
 * in NFKC, as the rules read a notice (its names are then found once for both); spans are the text's.
 */
export function victimsIn(readings: Readings, from: number, to: number): Victim[] {
  const reading = readings.of(from, to);
  const { norm, text } = reading;
  const names = orgNamesIn(reading);
  const at = (k: number) => from + toOriginal(norm, k, k)[0];
  const out: Victim[] = [];
  // A party the document defines a short name for (…株式会社はなみサポート(以下「サポート社」という。)) is one of its
  // own parties, not another organisation of a roundup.
  const defined = [...matchesOf(DEFINED_AS_LABEL, text)].map((m) => m.groups!.label!);
  for (const [s, e] of sentences(text, 0, text.length)) {
    // Words inside 「」 are a quoted title (a report's, a survey's), not what happened to the sentence's subject.
    if (!cueOf(text.slice(s, e).replace(/「[^」]*」/g, "「」"))) continue;
    for (const v of sentenceVictims(text, s, e, names.filter((n) => n.start >= s && n.end <= e))) {
      const name = v.name.replace(/^The /, "");
      if (out.some((o) => sameOrg(o.name, name)) || defined.some((d) => sameOrg(d, name))) continue;
      const [start, end] = toOriginal(norm, v.span[1] - name.length, v.span[1]);
      out.push({ name, span: [from + start, from + end], cut: at(Math.max(v.cut, s + text.slice(s, e).search(/\S/))) });
    }
  }
  return out;
}

/** The first sentence of a part, as its title. */
function titleSpanOf(text: string, start: number, end: number): Span {
  const lead = start + text.slice(start, end).search(/\S|$/);
  const part = text.slice(lead, Math.min(end, lead + 200));
  const stop = /[。\n]|(?<=[a-z0-9)”"’])\.(?=\s+[A-Z“"])/.exec(part);
  return [lead, lead + (stop ? stop.index + (stop[0] === "\n" ? 0 : 1) : part.trimEnd().length)];
}

/**
 * Split each post that names two or more organisations as hit (a roundup) into one notice per victim,
 * each from where it is named to where the next is (a name in an enumeration, to the enumeration's end).
 * The post's text before its first victim keeps its title when it is an incident under a headline;
 * otherwise it stands apart as the roundup's lead. Victims that another post of the page is about stay
 * with that post. Pure.
 */
export function splitRoundups(readings: Readings, notices: Notice[]): Notice[] {
  const text = readings.source;
  const subjects = notices.filter((n) => n.isIncident).map((n) => subjectOf(n.title, 40));
  const out: Notice[] = [];
  for (const n of notices) {
    const [from, to] = n.span;
    // Not roundups: a notice that speaks of itself, a regulator's notice (its targets are one action), a page header.
    if ((text.slice(from, to).match(SELF) ?? []).length >= 2 || n.kind === "regulator_action" || n.reason === "page header above the posts") { out.push(n); continue; }
    const own = subjectOf(n.title, 40);
    const victims = victimsIn(readings, from, to).filter((v) => !subjects.some((s) => s !== null && s !== own && sameOrg(s, v.name)));
    // Victims that are all the headline's own subject, named in parts (「岩鳴市は…、市立中央図書館が…」 under 「岩鳴市立中央図書館、…」), are one.
    if (own !== null && victims.length > 0 && victims.every((v) => sameOrg(own, v.name))) { out.push(n); continue; }
    // A headline above the first victim titles that victim's part; a lead without one stands apart.
    const headed = n.isIncident && victims.length > 0 && n.titleSpan[1] <= victims[0]!.cut && !/[。.]$/.test(n.title.trim()) && n.title.length <= 100;
    // An article under a headline, or a paragraph of a digest, that ends on another organisation hit alike:
    // that one is a notice of its own.
    if (victims.length === 1 && (headed || n.isIncident) && lateVictim(text, n, victims[0]!)) {
      const cut = victims[0]!.cut;
      out.push({ ...n, span: [from, trimEnd(text, from, cut)] }, victimNotice(text, n, victims[0]!, [cut, trimEnd(text, cut, to)], null));
      continue;
    }
    if (victims.length < 2) { out.push(n); continue; }
    const cuts = victims.map((v) => v.cut);
    const opening = text.slice(from, cuts[0]).trim() ? [from, trimEnd(text, from, cuts[0]!)] as Span : undefined;
    if (headed) cuts[0] = from;
    else if (opening) {
      const titleSpan = n.titleSpan[1] <= opening[1] ? n.titleSpan : titleSpanOf(text, ...opening);
      out.push({ ...n, span: opening, titleSpan, title: text.slice(...titleSpan), isIncident: false, kind: n.isIncident ? "unrelated" : n.kind, reason: `lead of a roundup naming ${victims.length} victims`, incident: null });
    }
    // A part holding only a name and a joiner (「緑川町、および」) runs on to the end of its enumeration, whose predicate it shares.
    const ends = cuts.map((c, k) => trimEnd(text, c, cuts[k + 1] ?? to));
    for (let k = victims.length - 2; k >= 0; k--) {
      if (JOIN.test(text.slice(victims[k]!.span[1], victims[k + 1]!.span[0]))) ends[k] = ends[k + 1]!;
    }
    victims.forEach((v, k) => {
      out.push(victimNotice(text, n, v, [cuts[k]!, ends[k]!], k === 0 && headed ? n.titleSpan : null, opening));
    });
  }
  return out.map((n, index) => ({ ...n, index }));
}

/** The notice of one victim's part of a post: titled by its first sentence unless a headline is given. */
function victimNotice(text: string, n: Notice, v: Victim, span: Span, headline: Span | null, lead?: Span): Notice {
  const titleSpan = headline ?? titleSpanOf(text, span[0], span[1]);
  const cue = cueOf(text.slice(...span)) ?? cueOf(text.slice(...sentenceAround(text, v.span, ...n.span))) ?? "incident wording";
  return {
    ...n, span, titleSpan, title: text.slice(...titleSpan), isIncident: true,
    kind: n.kind === "news_entry" ? "news_entry" : "incident_notice", reason: `named as hit in a roundup: ${cue}`,
    victim: { name: v.name, span: v.span, ...(lead && lead[1] <= span[0] ? { lead } : {}) }, incident: null,
  };
}

/**
 * True when a headed article's only victim is named past its first paragraph and is not what the
 * headline or the article's lead is about: a second organisation the article adds at its end.
 */
function lateVictim(text: string, n: Notice, v: Victim): boolean {
  const body = text.slice(n.titleSpan[1], v.cut);
  // Past the first paragraph: a paragraph of its own after the article's, or a line that opens with the victim's sentence.
  const opensLine = /\n[^\S\n]*$/.test(text.slice(n.span[0], v.cut)) && body.trim().length >= 40;
  if (!/\n\s*\n|\n.{40,}\n/.test(body.trim()) && !opensLine) return false;
  const lead = body.trimStart().slice(0, 200);
  const own = [subjectOf(n.title, 60), subjectOf(lead, 120)];
  return !orgKey(n.title).includes(keyOf(v.name)) && !own.some((s) => s !== null && sameOrg(s, v.name));
}

/** The word of a text that speaks of an incident, Japanese or English, or null. */
function cueOf(text: string): string | null {
  return incidentCue(text) ?? ENGLISH_CUE.exec(text)?.[0] ?? null;
}

/** The sentence of `text[from, to)` holding a span. */
function sentenceAround(text: string, span: Span, from: number, to: number): Span {
  return sentences(text, from, to).find(([s, e]) => s <= span[0] && span[1] <= e) ?? span;
}

/** The end of `text[start, end)` without its trailing blanks. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}
