import { BUSINESS_KIND, ENGLISH_ORG_ENDING, ENGLISH_SAYS, LEGAL_FORM } from "../core/vocab/organizations.js";

// Who a stretch of text is about: the organisation it names as its subject near its start. Used to tell
// a digest of several organisations' incidents from one organisation's notice.

// Characters of a name: kanji, katakana, Latin letters and the hiragana names use (さいたま市, お茶の水女子大学 is the
// exception), but not the particles that end a phrase (の は が を に で と へ も や).
const PARTICLES = new Set([..."のはがをにでとへもや"]);
const HIRAGANA = Array.from({ length: 0x3096 - 0x3041 + 1 }, (_, k) => String.fromCharCode(0x3041 + k)).filter((c) => !PARTICLES.has(c)).join("");
const NAME_CHAR = `[一-龥ァ-ヴーA-Za-z${HIRAGANA}]`;
// How an organisation's name ends: a company, a public body, a school or a hospital.
const ENDING = "(?:株式会社|大学|病院|医療センター|クリニック|診療所|医院|歯科|薬局|学園|高校|高等学校|中学校|小学校|図書館|美術館|博物館|委員会|協会|学会|連盟|組合|機構|財団|銀行|信用金庫|生命保険|証券|新聞社|放送" +
  // Endings of company names that carry no legal form in news copy: 日産自動車, 三京商会, 札幌通運.
  "|自動車|商会|商事|物産|工業|製作所|電機|電力|鉄道|航空|通運|運輸|建設|製薬|食品|ホールディングス|グループ|システムズ|ジャパン|" +
  // News may name a body by what it is (中部空港会社, 某仕事管理サービス) or by its initials (JTB).
  "会社|空港|サービス|[市町村県府庁省])";
// An organisation's name: a legal form, or a name with a telling ending. A name all in kana may hold what reads
// as a particle (たつの市, かすみがうら市, 町立ふもと診療所) where it starts a phrase or follows 立.
const NAME = `(?:${LEGAL_FORM})[^\\s、。「」()（）]{1,20}` +
  `|${NAME_CHAR}{1,20}?${ENDING}` +
  `|(?<=^|[\\s、。「『(（・]|立)[ぁ-ゖ]{2,8}${ENDING}` +
  // A shop or an inn named by its kind of business first: ホテルあさなぎ, 旅館かじか.
  `|(?:${BUSINESS_KIND})[ぁ-ゖァ-ヴー一-龥]{2,10}?(?=[はがもの、\\s]|では|によると)` +
  "|某[^\\s、。「」()（）]{1,15}|[A-Z][A-Z0-9&]{1,9}(?![A-Za-z])";
/** Names with a telling ending, initials or 某…, anywhere in a text (a global expression: reset lastIndex or use matchAll). */
export const NAME_WORD = new RegExp(NAME, "gu");
// The name is the subject or the topic: 「Xは」「Xが」「Xでは」「Xによると」, or (loosely) 「Xの…」「X、」.
const PAREN = "(?:\\s?[(（][^)）]{1,30}[)）])?\\s?";
const SUBJECT = new RegExp(`(${NAME})(?=[」』]?${PAREN}(?:は|が|も|では|によると|によりますと))`, "u");
// Loosely, a name before a space also heads what follows it: "熊本市 職員がカバン盗難" in a list of headlines.
const TOPIC = new RegExp(`(${NAME})(?=[」』]?${PAREN}(?:は|が|も|では|の|によると|によりますと|、|[:：]|\\s(?=\\S)))`, "u");
// English: "the Japan Meteorological Agency said", "NISC said".
// …and the capitalised words a headline or lead opens with before its verb: "Kiri Logistics says hackers…".
const ENGLISH = new RegExp(`\\b(?:[A-Z][A-Za-z]+ ){0,6}(?:${ENGLISH_ORG_ENDING}|Inc\\.?|Ltd\\.?|Corp\\b\\.?|Co\\.|Co\\b)|\\b[A-Z]{3,6}\\b(?= (?:said|says|announced|reported))|^(?:[A-Z][A-Za-z]+ ){1,3}[A-Z][A-Za-z]+(?= (?:${ENGLISH_SAYS})\\b)`);
// A lead that names its subject without a telling suffix: 「米検索大手ヤフーは14日、」.
const LEAD_SUBJECT = /^([^\s、。「」『』()（）]{2,30}?)(?:\s?[(（][^)）]{1,30}[)）])?\s?は\s?(?:[0-9０-９]{1,2}\s?月\s?)?[0-9０-９]{1,2}\s?日[、,]/;
// Words that refer back or to the writer: never a new subject.
const BACK_REFERENCE = /^(?:同|当|弊|本|その|この|各|他|県|市|町|村|府)(?:社|院|学|校|市|町|村|県|会|組合|センター|協会|病院|大学|法人|教育委員会|委員会)?$/;

/**
 * The organisation a text is about, named within its first `reach` characters, or null. Strictly, the
 * grammatical subject (Xは, Xが, Xによると); loosely, also a name used as a topic (Xの…, X、).
 */
export function subjectOf(text: string, reach = 80, loose = true): string | null {
  const head = text.slice(0, reach).normalize("NFKC").replace(/^[\s『「■□●◆◇▼▲・]+(?:【[^】]{1,12}】\s*)?/, "");
  for (const re of [loose ? TOPIC : SUBJECT, LEAD_SUBJECT]) {
    const m = re.exec(head);
    const name = m?.[1]?.trim();
    if (name && !BACK_REFERENCE.test(name)) return name;
  }
  return ENGLISH.exec(head)?.[0] ?? null;
}

// A name read from a text's first character: only such a reading can be the whole text.
const SUBJECT_AT_START = new RegExp(`^${SUBJECT.source}`, "u");

/** True when a text is an organisation's name and nothing else (株式会社パスモ): its subject is all of it. */
export function isNameAlone(text: string): boolean {
  const name = text.normalize("NFKC");
  const head = `${text}は`.slice(0, 40).normalize("NFKC");
  if (!SUBJECT_AT_START.test(head) && ENGLISH.exec(head)?.[0] !== name) return false;
  return subjectOf(`${text}は`, 40, false) === name;
}

/** True when two subject names are the same organisation (one contains the other: 県教育委員会 ⊂ 岐阜県教育委員会). */
export function sameSubject(a: string, b: string): boolean {
  const x = a.replace(/\s+/g, ""), y = b.replace(/\s+/g, "");
  return x.includes(y) || y.includes(x);
}

/** The number of different organisations among subject names. */
export function distinctSubjects(names: readonly string[]): number {
  const kept: string[] = [];
  for (const n of names) if (!kept.some((k) => sameSubject(k, n))) kept.push(n);
  return kept.length;
}
