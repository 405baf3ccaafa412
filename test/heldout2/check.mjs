#!/usr/bin/env node
// Validates the second held-out set (test/heldout2): every gold/*.json parses, matches a cases/*.txt file, uses the
// gold format of /work/shared/corpus/gold, keeps line numbers inside the file, and uses only
// the agreed vocabularies. Also cross-checks a few values against the text.
//
//   node test/heldout2/check.mjs            (exit code 1 on any error)

import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const caseDir = join(here, "cases");
const goldDir = join(here, "gold");

const V = {
  incident_types: ["ransomware", "unauthorized_access", "web_skimming", "phishing", "account_takeover",
    "credential_stuffing", "malware", "misdelivery", "misconfiguration", "loss", "theft", "insider", "ddos",
    "defacement", "support_scam", "system_failure", "regulatory_action", "other"],
  data_types: ["name", "name_kana", "address", "postal_code", "birthdate", "gender", "phone", "email",
    "credit_card_number", "card_expiry", "security_code", "cardholder_name", "login_id", "password",
    "bank_account", "health", "my_number", "occupation", "education_history", "company_name", "member_id",
    "free_text", "other"],
  reported_to: ["ppc", "police", "ministry", "pmark", "other"],
  sector: ["medical", "education", "government", "retail_ec", "manufacturing", "finance", "media", "it_service",
    "logistics", "health_insurance", "association", "leisure", "real_estate", "telecom", "other"],
  kind: ["incident_notice", "news_entry", "regulator_action", "advisory", "tool_intro", "conference_notes", "unrelated"],
  basics_violated: ["close_what_you_open", "clean_up_what_you_use", "manage_what_you_run"],
  status: ["unknown", "investigating", "resolved"],
};
const SEG_KEYS = ["title", "start_line", "end_line", "is_incident", "kind", "casebook_id"];
const INCIDENT_KEYS = ["organization", "other_parties", "disclosed_on", "discovered_on", "incident_types",
  "affected_count", "affected_count_text", "data_types", "cause_summary", "basics_violated", "reported_to",
  "sector", "indicators", "status", "notes"];
const OPTIONAL_KEYS = []; // heldout2 keeps exactly the dev gold keys (no organization_alt)
const LEGAL_FORMS = ["株式会社", "有限会社", "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人",
  "学校法人", "医療法人社団", "医療法人", "社会福祉法人", "地方独立行政法人"];

const errors = [];
const warnings = [];
const err = (f, m) => errors.push(`${f}: ${m}`);
const warn = (f, m) => warnings.push(`${f}: ${m}`);
const norm = (s) => String(s).normalize("NFKC").replace(/\s+/g, "").toLowerCase();

function validDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + "T00:00:00Z");
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function checkList(f, where, key, value, vocab) {
  if (!Array.isArray(value)) return err(f, `${where}: ${key} is not an array`);
  const seen = new Set();
  for (const x of value) {
    if (typeof x !== "string" || !x) err(f, `${where}: ${key} has a non-string or empty item`);
    else if (vocab && !vocab.includes(x)) err(f, `${where}: ${key} has unknown term "${x}"`);
    if (seen.has(x)) err(f, `${where}: ${key} repeats "${x}"`);
    seen.add(x);
  }
}


// ---- extra cross-checks added for heldout2 ----
const KANJI_DIGIT = { "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
// Parses a count phrase such as "約1万2千件", "最大 9,530 件", "二百四十一名分", "延べ７３名分" into a number.
function parseCount(text) {
  let t = String(text).normalize("NFKC").replace(/[\s,]/g, "");
  t = t.replace(/^(約|最大|延べ|合計|計)+/, "").replace(/(件|名|人|世帯|分)+$/, "");
  if (!t) return null;
  let total = 0, section = 0, digits = "";
  const flushDigits = () => { const n = digits === "" ? null : Number(digits); digits = ""; return n; };
  for (const ch of t) {
    if (/[0-9]/.test(ch)) { digits += ch; continue; }
    if (ch in KANJI_DIGIT) { digits += String(KANJI_DIGIT[ch]); continue; }
    const small = { "十": 10, "百": 100, "千": 1000 }[ch];
    const big = { "万": 1e4, "億": 1e8 }[ch];
    if (small) { const n = flushDigits(); section += (n ?? 1) * small; continue; }
    if (big) { const n = flushDigits(); total += (section + (n ?? 0)) * big; section = 0; continue; }
    return null;
  }
  const n = flushDigits();
  return total + section + (n ?? 0);
}

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"];
const KANJI_NUM = (s) => {
  // 十二 -> 12, 二十六 -> 26, 七 -> 7
  if (/^[0-9]+$/.test(s)) return Number(s);
  let n = 0, cur = 0;
  for (const ch of s) {
    if (ch in KANJI_DIGIT) cur = KANJI_DIGIT[ch];
    else if (ch === "十") { n += (cur || 1) * 10; cur = 0; }
    else if (ch === "元") cur = 1;
    else return NaN;
  }
  return n + cur;
};
const iso = (y, m, d) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

// Every full date written in a text, in the styles this set uses.
function datesIn(text) {
  const t = String(text).normalize("NFKC");
  const out = new Set();
  const N = "[0-9〇一二三四五六七八九十元]+";
  for (const m of t.matchAll(/(\d{4})\s*年(?:\s*[（(]\s*令和\s*\d+\s*年\s*[)）])?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g)) out.add(iso(m[1], m[2], m[3]));
  for (const m of t.matchAll(new RegExp(`令和\\s*(${N})\\s*年\\s*(${N})\\s*月\\s*(${N})\\s*日`, "g")))
    out.add(iso(2018 + KANJI_NUM(m[1]), KANJI_NUM(m[2]), KANJI_NUM(m[3])));
  for (const m of t.matchAll(/(?<![0-9])R(\d{1,2})\.(\d{1,2})\.(\d{1,2})(?![0-9])/g)) out.add(iso(2018 + Number(m[1]), m[2], m[3]));
  for (const m of t.matchAll(/(?<![0-9])(20\d{2})[./](\d{1,2})[./](\d{1,2})(?![0-9])/g)) out.add(iso(m[1], m[2], m[3]));
  return out;
}
// Year-less "M月D日" dates (month, day) in a text.
function monthDaysIn(text) {
  const t = String(text).normalize("NFKC");
  const out = new Set();
  for (const m of t.matchAll(/(?<![0-9年])(\d{1,2})\s*月\s*(\d{1,2})\s*日/g)) out.add(`${Number(m[1])}-${Number(m[2])}`);
  return out;
}
// "M月D日（曜）" with a known year: does the weekday fit?
function weekdayProblems(text, years) {
  const t = String(text).normalize("NFKC");
  const probs = [];
  for (const m of t.matchAll(/(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[(（]\s*([日月火水木金土])\s*[)）]/g)) {
    const ys = m[1] ? [Number(m[1])] : years;
    const ok = ys.some((y) => WEEKDAYS[new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3]))).getUTCDay()] === m[4]);
    if (!ok) probs.push(`${m[0]} does not fit year(s) ${ys.join("/")}`);
  }
  return probs;
}

const goldFiles = readdirSync(goldDir).filter((f) => f.endsWith(".json")).sort();
const caseFiles = readdirSync(caseDir).filter((f) => f.endsWith(".txt")).sort();
for (const c of caseFiles) if (!existsSync(join(goldDir, basename(c, ".txt") + ".json"))) err(c, "no gold file");

let nSeg = 0, nInc = 0;
const typeCount = {}, sectorCount = {}, kindCount = {};
for (const g of goldFiles) {
  let doc;
  try { doc = JSON.parse(readFileSync(join(goldDir, g), "utf8")); } catch (e) { err(g, `JSON parse error: ${e.message}`); continue; }
  const name = basename(g, ".json");
  if (doc.file !== name + ".txt") err(g, `file field "${doc.file}" should be "${name}.txt"`);
  const txtPath = join(caseDir, name + ".txt");
  if (!existsSync(txtPath)) { err(g, "case text missing"); continue; }
  const text = readFileSync(txtPath, "utf8");
  const lines = text.replace(/\n$/, "").split("\n");
  const whole = norm(text);
  if (!Array.isArray(doc.segments) || !doc.segments.length) { err(g, "segments missing or empty"); continue; }
  let prevEnd = 0;
  doc.segments.forEach((s, i) => {
    nSeg++;
    const where = `segment ${i + 1}`;
    for (const k of SEG_KEYS) if (!(k in s)) err(g, `${where}: missing key ${k}`);
    for (const k of Object.keys(s)) if (![...SEG_KEYS, "incident"].includes(k)) err(g, `${where}: unexpected key ${k}`);
    if (!Number.isInteger(s.start_line) || !Number.isInteger(s.end_line)) return err(g, `${where}: line numbers must be integers`);
    if (s.start_line < 1 || s.end_line > lines.length || s.start_line > s.end_line)
      err(g, `${where}: lines ${s.start_line}-${s.end_line} outside file of ${lines.length} lines`);
    if (s.start_line <= prevEnd) err(g, `${where}: overlaps or precedes the previous segment`);
    prevEnd = s.end_line;
    if (!lines[s.start_line - 1]?.trim()) warn(g, `${where}: start line is blank`);
    if (!lines[s.end_line - 1]?.trim()) warn(g, `${where}: end line is blank`);
    if (typeof s.title !== "string" || !s.title) err(g, `${where}: empty title`);
    else {
      const at = lines.slice(s.start_line - 1, s.end_line).indexOf(s.title);
      if (at < 0) err(g, `${where}: title is not an exact line inside ${s.start_line}-${s.end_line}`);
    }
    if (typeof s.is_incident !== "boolean") err(g, `${where}: is_incident must be boolean`);
    if (!V.kind.includes(s.kind)) err(g, `${where}: unknown kind "${s.kind}"`);
    kindCount[s.kind] = (kindCount[s.kind] ?? 0) + 1;
    if (s.casebook_id !== null && !/^\d{4}-\d{3}$/.test(s.casebook_id)) err(g, `${where}: bad casebook_id`);
    if (s.casebook_id && !s.title.includes(`#${s.casebook_id}`)) err(g, `${where}: casebook_id not in title`);
    if (!s.is_incident) {
      if ("incident" in s) err(g, `${where}: non-incident carries an incident object`);
      return;
    }
    nInc++;
    const inc = s.incident;
    if (!inc || typeof inc !== "object") return err(g, `${where}: incident object missing`);
    const keys = Object.keys(inc);
    const expected = [...INCIDENT_KEYS, ...OPTIONAL_KEYS.filter((k) => k in inc)];
    for (const k of INCIDENT_KEYS) if (!(k in inc)) err(g, `${where}: incident missing key ${k}`);
    for (const k of keys) if (!expected.includes(k)) err(g, `${where}: incident has unexpected key ${k}`);
    if (keys.slice(0, INCIDENT_KEYS.length).join() !== INCIDENT_KEYS.join()) warn(g, `${where}: incident keys not in gold order`);
    const segText = norm(lines.slice(s.start_line - 1, s.end_line).join("\n"));

    if (typeof inc.organization !== "string" || !inc.organization) err(g, `${where}: organization must be a non-empty string`);
    else {
      let core = norm(inc.organization);
      for (const lf of LEGAL_FORMS) core = core.split(norm(lf)).join("");
      if (!whole.includes(core)) err(g, `${where}: organization "${inc.organization}" not found in the page`);
      else if (!segText.includes(core)) warn(g, `${where}: organization "${inc.organization}" only outside the segment`);
    }
    if (inc.organization_alt !== undefined) checkList(g, where, "organization_alt", inc.organization_alt);
    checkList(g, where, "other_parties", inc.other_parties);
    for (const k of ["disclosed_on", "discovered_on"])
      if (inc[k] !== null && !(typeof inc[k] === "string" && validDate(inc[k]))) err(g, `${where}: ${k} must be YYYY-MM-DD or null`);
    if (inc.disclosed_on && inc.discovered_on && inc.discovered_on > inc.disclosed_on)
      err(g, `${where}: discovered_on after disclosed_on`);
    checkList(g, where, "incident_types", inc.incident_types, V.incident_types);
    for (const t of inc.incident_types ?? []) typeCount[t] = (typeCount[t] ?? 0) + 1;
    if (inc.affected_count !== null && !(Number.isInteger(inc.affected_count) && inc.affected_count >= 0))
      err(g, `${where}: affected_count must be a non-negative integer or null`);
    if ((inc.affected_count === null) !== (inc.affected_count_text === null))
      err(g, `${where}: affected_count and affected_count_text must both be set or both null`);
    if (typeof inc.affected_count_text === "string") {
      const parts = inc.affected_count_text.split(" + ");
      for (const p of parts) if (!segText.includes(norm(p))) err(g, `${where}: affected_count_text part "${p}" not in segment`);
    }
    checkList(g, where, "data_types", inc.data_types, V.data_types);
    if (inc.cause_summary !== null && typeof inc.cause_summary !== "string") err(g, `${where}: cause_summary must be string or null`);
    checkList(g, where, "basics_violated", inc.basics_violated, V.basics_violated);
    checkList(g, where, "reported_to", inc.reported_to, V.reported_to);
    if (inc.sector !== null && !V.sector.includes(inc.sector)) err(g, `${where}: unknown sector "${inc.sector}"`);
    sectorCount[inc.sector] = (sectorCount[inc.sector] ?? 0) + 1;
    checkList(g, where, "indicators", inc.indicators);
    for (const x of inc.indicators ?? []) if (!segText.includes(norm(x))) err(g, `${where}: indicator "${x}" not literally in segment`);
    if (!V.status.includes(inc.status)) err(g, `${where}: unknown status "${inc.status}"`);
    if (inc.notes !== null && typeof inc.notes !== "string") err(g, `${where}: notes must be string or null`);

    // affected_count must equal the parsed text (sum of the "A + B" parts).
    if (typeof inc.affected_count_text === "string") {
      const parts = inc.affected_count_text.split(" + ").map(parseCount);
      if (parts.some((x) => x === null || Number.isNaN(x))) warn(g, `${where}: cannot parse affected_count_text "${inc.affected_count_text}"`);
      else if (parts.reduce((a, b) => a + b, 0) !== inc.affected_count)
        err(g, `${where}: affected_count ${inc.affected_count} != parsed "${inc.affected_count_text}"`);
    }
    const rawSeg = lines.slice(s.start_line - 1, s.end_line).join("\n");
    // Casebook headings: a trailing YYYY/M/D is the notice date.
    const cb = s.title.match(/^【セキュリティ事件簿#(\d{4}-\d{3})】/);
    if (cb && s.casebook_id !== cb[1]) err(g, `${where}: casebook heading but casebook_id is ${s.casebook_id}`);
    const tail = s.title.match(/(20\d{2})\/(\d{1,2})\/(\d{1,2})\s*$/);
    if (cb && tail && inc.disclosed_on !== iso(tail[1], tail[2], tail[3])) err(g, `${where}: heading date ${tail[0]} but disclosed_on ${inc.disclosed_on}`);
    // Listing entries: disclosed_on = month header + day line.
    const day = lines[s.start_line - 1].match(/^(\d{1,2})日$/);
    if (day) {
      let ym = null;
      for (let k = s.start_line - 2; k >= 0 && !ym; k--) ym = lines[k].match(/すべての内容を表示する\s*(\d{4})年(\d{1,2})月/);
      if (!ym) err(g, `${where}: day line without a month header above`);
      else if (inc.disclosed_on !== iso(ym[1], ym[2], day[1])) err(g, `${where}: listing date ${ym[1]}-${ym[2]}-${day[1]} but disclosed_on ${inc.disclosed_on}`);
    }
    // Dates should be written in the segment (or come from the heading / listing header).
    const ds = datesIn(rawSeg), mds = monthDaysIn(rawSeg);
    if (inc.disclosed_on && !day && !ds.has(inc.disclosed_on)) warn(g, `${where}: disclosed_on ${inc.disclosed_on} not found as a full date in the segment`);
    if (inc.discovered_on && !ds.has(inc.discovered_on)) {
      const [, mm, dd] = inc.discovered_on.split("-").map(Number);
      if (!mds.has(`${mm}-${dd}`)) warn(g, `${where}: discovered_on ${inc.discovered_on} not found in the segment`);
    }
    const years = [inc.disclosed_on, inc.discovered_on].filter(Boolean).map((d) => Number(d.slice(0, 4)));
    if (years.length) for (const p of weekdayProblems(rawSeg, [...new Set(years)])) err(g, `${where}: weekday ${p}`);
  });
}

for (const w of warnings) console.log("warning: " + w);
for (const e of errors) console.log("ERROR: " + e);
console.log(`${goldFiles.length} cases, ${nSeg} segments, ${nInc} incidents`);
if (process.argv.includes("--stats")) {
  console.log("incident_types:", JSON.stringify(typeCount));
  console.log("sectors:", JSON.stringify(sectorCount));
  console.log("kinds:", JSON.stringify(kindCount));
}
if (errors.length) { console.log(`${errors.length} error(s)`); process.exit(1); }
console.log("OK");
