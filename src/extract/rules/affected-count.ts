import { kanji2number } from "@geolonia/japanese-numeral";
import type { Count, Finding } from "../../core/types.js";
import { MISDIRECTED, OTHER_PERSON } from "../../core/vocab/incident-types.js";
import type { Rule, RuleContext } from "../context.js";
import { hits, lineAround, type Hit } from "../scan.js";
import { proseSentences, type Sentence } from "../normalize/sentences.js";

const COUNT = /(?:(?<q0>合計|総計|総数|計)[ \t　]*)?(?:(?<q1>延べ[ \t　]*約|約|最大|およそ|延べ|少なくとも)[ \t　]*)?(?<num>[\d一二三四五六七八九十百千〇][\d,.一二三四五六七八九十百千〇万億]*)[ \t　]*(?<unit>万|億|千)?[ \t　]*(?<rest>\d[\d,]*(?=[ \t　]*(?:人|名|件)))?[ \t　]*(?<ctr>人分|名分|件分|件|名|人|世帯|社|アカウント|口座|枚|通(?!知|信|報|常|販|帳|話|算|過|り|じ|して))(?<q2>以上|超|余り|程度|ほど|強|弱|を超える)?/g;
// English news: "around 5,000 pieces of data", "500 million users", "18,000 business partners", "some 210,000 personal data sets", "1.25 million sets of ID numbers".
const COUNT_EN = /(?<q1>around|about|approximately|some|up to|more than|over|nearly)?\s?(?<num>\d[\d,]*(?:\.\d+)?)\s?(?<unit>million|billion)?\s(?:(?!of\b)[a-z]+(?:['’]s)?\s){0,3}(?<ctr>people|persons|individuals|customers|users|members|patients|students|employees|clients|partners|subscribers|applicants|residents|households|citizens|contacts|records|notices|letters|(?:credit |payment )?cards|pieces of (?:personal )?(?:data|information)|accounts|(?:personal )?data sets|sets of (?:personal )?[a-z]+)\b/gi;
// (A loss, a misdirected mail, an account taken over: "went missing", "logins succeeded against 642 accounts".)
const LEAK_EN = /leak|expos|compromis|stolen|breach|affected|involved|accessed|acquired|copied|obtained|missing|\blost\b|misplaced|misdirect|wrong recipients?|hijack|taken over|unauthori[sz]ed|succeeded against|\bheld\b|holding|viewed/i;
const PEOPLE = /様\s*$|(?<!第三)者\s*$|お客様|顧客|会員|利用者|個人情報|生徒|児童|学生|患者|職員|被保険者|組合員|対象者|受講者|応募者|ユーザー|従業員|方|件数|人数|者数|受験者|保護者|卒業生|入居者|取引先|加入者|登録者|購入者|申込者|参加者|データ/;
// People named right after the count: "447名の患者様", "120人分の参加者".
const PEOPLE_AFTER = /^\s*(?:分)?の(?:患者|お客様|顧客|会員|利用者|生徒|児童|学生|方|受講者|参加者|応募者|組合員|被保険者)/;
const LEAK = new RegExp(`漏えい|漏洩|漏れ|流出|閲覧|可能性|おそれ|恐れ|対象|影響|被害|送信|不正利用|不正ログイン|不正アクセス|なりすまし|乗っ取|持ち出|紛失|盗難|盗まれ|見当たら|所在(?:が)?不明|(?:保管|所定の)[^。、]{0,6}(?:に|から)(?:ない|なくな)|誤送|誤った(?:宛先|送付先)|宛先を(?:誤|間違)|誤って|(?:別|他)の${OTHER_PERSON}(?:に|へ|宛|の)|${MISDIRECTED}|同封(?:してしま|され)|混入|含まれ|登録され|盗取|記載|記録され`);
// A heading over the count that says what leaked or what the data was ("2 データ内容", "【流出した情報】").
const DATA_HEADER = new RegExp(`${LEAK.source}|データ内容|情報の内容|対象(?:者|件数)|件数|人数`);
const NOT_VICTIMS = /(?:第|毎日|毎月|年間|月間|過去|計画|目標|延べ)\s*$/;
// Staff named as actors ("看護師7名が開設", "職員1名のアカウント"), not as people whose data leaked.
const STAFF = /(?:従業員|職員|社員|教職員|教員|教諭|看護師|医師|スタッフ|担当者|作業員|派遣社員|理事|委員)\s*$/;
// What follows a count of mails or bounces, or of the mail accounts that sent them: not people whose data leaked.
const NOT_DATA_AFTER = /^\s*(?:の(?:[^。、\n]{0,6})?(?:迷惑メール|スパム|メール(?!アドレス)|返送|通知(?!書|票)))/;
// Recipients of a mailing ("すべて(305名)に対して誤送信"): affected only when nothing says whose data the mail held.
const RECIPIENTS_AFTER = /^\s*(?:[)）])?\s*(?:に対して|に|へ|宛て?に?)[^。\n]{0,12}(?:送信|送付|誤送信|配信|発送)/;
// A labelled figure: "対象件数: 85件", "対象者:在学生8,373名", "該当する件数※4:①2,420件".
// The accounts an attack got into, counted: 「不正ログインが確認されたアカウント 1,486件」, 「被害アカウント数：」.
const HIT_ACCOUNTS = /(?:不正(?:に)?ログイン|不正(?:に)?サインイン|不正アクセス|乗っ取|被害)[^。\n]{0,12}アカウント(?:数)?\s*[:：]?\s*$/;
const LABELLED = /(?:件数|人数|対象者(?:数)?|該当者(?:数)?|対象|(?:アカウント|ID|会員|顧客|利用者|ユーザー?)数)[^。\n]{0,8}[:：|｜\t][^。\n]{0,8}$/;
// A figure under a count label with no counter of its own: "対象件数 | 1,234", "影響人数:約3200".
const LABELLED_FIGURE = /(?:件数|人数|者数|対象者|該当者)[^。\n\d]{0,8}?[:：|｜\t ]\s*(?<q1>約|最大|およそ)?\s*(?:[^\d\s。、,:：|｜]{1,4}?)?(?<num>\d[\d,]*)(?![\d,.]|\s*(?:[年月日時分秒%％円万億千人名件世帯社枚]|アカウント|口座|ヶ月|か月))/;
// A bare figure in a table cell ("… | 1,293 |"), counted when its column's header counts ("流出件数").
const TABLE_FIGURE = /(?:^|[|｜])[ \t]*(?<num>\d[\d,]*)[ \t]*(?=[|｜]|$)/gm;
const COUNT_HEADER = /(?:件数|人数|者数|総数|名数)\s*$/;
// A figure an update replaced ("(更新前)3件 (更新後)4件").
const SUPERSEDED = /(?:更新|変更|訂正|修正)前\s*[)）]?\s*[:：]?\s*$/;
// A part of a set counted elsewhere ("当該情報の一部(約5万件)を売却").
const PART = /一部\s*[(（]?\s*$/;
// Data of the people things were sent to ("お届け先の個人情報(78,840名分)"): beside the customers', not the main set.
const SHIPPED_TO = /(?:お届け先|送付先|配送先|送り先)(?:の)?[^。、]{0,8}$/;
// Counts of accesses, attempts or connections, not of people or records.
// …and mails an attacker sent (迷惑メール約3000件が送信された): messages, not people.
const EVENTS = /(?:アクセス|ログイン試行|試行|攻撃|通信|閲覧数|(?:迷惑|スパム|なりすまし|不審な?)メール)(?:が|を|数|件数|回数)?\s*(?:約|およそ)?\s*$/;
// A figure for an earlier or different leak ("今年9月にも5億人分"), or a part newly added ("新たに約4万名分").
const ELSEWHERE = /(?:にも|前回|(?<![年月日度])以前|別件|新たに|追加で)[^。、]{0,6}$/;
// A figure an earlier report gave, since revised ("第2報でお知らせした約6,000件から拡大").
const EARLIER_REPORT = /(?:第\d+報|前回|前報|当初|これまで|先般|先日)[^。]{0,12}(?:お知らせ|公表|発表|報告|公開)(?:いた)?し(?:まし)?た\s*$/;
// …or said in so many words: "第1報では約2,000名としておりましたが", "当初は500件と公表しておりましたが".
// (…or in brackets after the first estimate: "当初の見込み(約5,000名)より少ない".)
const EARLIER_SAID = /(?:第\d+報|前回|前報|当初)(?:で|の時点で|時点で|の見込み|の想定)?は?\s*[(（]?\s*$/;
const EARLIER_AFTER = /^[^。、]{0,4}と(?:して|お知らせ|公表|発表|報告|ご報告)(?:いた)?し?て?(?:おりました|いました|いた)/;
// A figure that holds the organisation's share and more ("最大約17万件…その中に当組合に関連する情報も").
// A figure the notice says is now settled: "…3,812名であることが確定", "…と確定しました".
const CONFIRMED_AFTER = /^[^。、]{0,10}(?:であることが|と)確定/;
const SUPERSET_AFTER = /^[^。]{0,40}(?:その中に|そのうち|このうち)[^。]{0,20}(?:当|本|弊)/;

// The open bracket after a count, a breakdown of it running on.
const BREAKDOWN = /\d\s*(?:名|件|人)(?:分)?\s*[(（][^()（）]{0,40}$/;
// Papers sent to one addressee each: 通知書, 案内状, はがき, 封書, 郵便物.
const LETTERS = /(?:書|状|通知|はがき|ハガキ|葉書|封書|郵便物?|書類|文書|帳票|DM|ダイレクトメール)(?:の|を|のうち)?\s*$/;

interface Candidate {
  start: number;
  end: number;
  value: number;
  text: string;
  qualifiers: string[];
  score: number;
  /** A figure rounded to its unit ("5 千人"). */
  round: boolean;
  /** A figure read from a count label without a counter of its own. */
  labelledFigure?: boolean;
  /** A figure read from a table cell under a count header. */
  tableCell?: boolean;
}

/** The nearest heading line above a line (【持ち出した内容】, 2.流出した情報), within five lines. */
function headerAbove(text: string, lineStart: number): string {
  let at = lineStart;
  for (let k = 0; k < 5 && at > 0; k++) {
    const s = text.lastIndexOf("\n", at - 2) + 1;
    const line = text.slice(s, at - 1).trim();
    if (/^(?:【[^】]*】|[\d]+\s*[.．、)\s]|■|□|[(（]\d+[)）])/.test(line) && line.length < 40) return line;
    at = s;
  }
  return "";
}

function parseNumber(raw: string, unit: string | undefined, rest?: string): number | null {
  const num = raw.replace(/,/g, "");
  let n: number;
  const decimal = /^(\d+\.\d+)([万億千])$/.exec(num);
  if (/^\d+(?:\.\d+)?$/.test(num)) n = Number(num);
  else if (decimal) n = Number(decimal[1]) * ({ 万: 10_000, 億: 100_000_000, 千: 1_000 } as Record<string, number>)[decimal[2]!]!;
  else if (!/[\d一二三四五六七八九〇]/.test(num)) return null;
  else {
    try {
      n = kanji2number(num);
    } catch {
      return null;
    }
    if (!Number.isFinite(n)) return null;
  }
  if (unit === "万") n *= 10_000;
  else if (unit === "億") n *= 100_000_000;
  else if (unit === "千") n *= 1_000;
  if (rest) n += Number(rest.replace(/,/g, "")); // "5 万 8,746 件"
  return Number.isFinite(n) ? Math.round(n) : null;
}

/** How much the words around a count say it counts people or records whose data leaked (see the comments). */
function scoreOf(ctx: RuleContext, prose: readonly Sentence[], h: Hit, ctr: string, q: { q0?: string; q1?: string; q2?: string }): number {
  const text = ctx.text;
  const before = text.slice(Math.max(0, h.start - 16), h.start);
  const after = text.slice(h.end, h.end + 24);
  const ls = lineAround(text, h.start)[0];
  const sentence = sentenceAround(ctx, prose, h.start);
  const ofData = /分$/.test(ctr) || /^\s*の(?:個人|アカウント|ログイン|登録)?(?:情報|データ|氏名|名前|住所|連絡先|メールアドレス)/.test(after);
  let score = 1;
  if (LEAK.test(sentence) || DATA_HEADER.test(headerAbove(text, ls)) || LEAK_EN.test(sentence)) score += 2;
  if (PEOPLE.test(before) || PEOPLE_AFTER.test(after)) score += 2;
  if (q.q1 || q.q2) score += 1;
  if (q.q0 || /(?:合計|総計|総数|全体で|あわせて|併せて)\s*[:：|｜]?\s*$/.test(before)) score += 2; // a stated total beats its parts
  if (ofData) score += 1; // "…名分", "1名の個人情報"
  if (LABELLED.test(before)) score += 3;
  if (h.start >= ctx.titleStart && h.start < ctx.titleEnd) score += 1; // a headline figure, or a lead's
  if (STAFF.test(before) && !ofData) score -= 6; // staff named as actors are not people affected (PEOPLE counted them)
  if (SUPERSEDED.test(before)) score -= 5;
  if (PART.test(before)) score -= 2;
  if (EVENTS.test(before)) score -= 4;
  if (SHIPPED_TO.test(before)) score -= 1;
  if (NOT_DATA_AFTER.test(after)) score -= 5;
  if (RECIPIENTS_AFTER.test(after)) score -= 2;
  if (ELSEWHERE.test(before)) score -= 2;
  if (EARLIER_REPORT.test(before) || EARLIER_SAID.test(before) || EARLIER_AFTER.test(after)) score -= 3;
  if (CONFIRMED_AFTER.test(after)) score += 1; // "3,812名であることが確定しました": the final figure
  if (SUPERSET_AFTER.test(text.slice(h.end, h.end + 80))) score -= 2;
  if (/^\s*(?:の)?うち/.test(after)) score -= 2; // "16,000名のうち約3,000名": the whole, of which a part was hit
  if (ctr === "社" || ctr === "口座") score -= 3;
  if (ctr === "枚") score -= 1; // sheets: one person's data each only sometimes
  // Letters or forms sent ("通知書312通"): one addressee each; other things counted in 通 (mails) are not people.
  if (ctr === "通") score -= LETTERS.test(before) ? 1 : 4;
  // Accounts are people's only where they are what was broken into (不正ログインが確認されたアカウント 1,486件), not the staff's own.
  if (HIT_ACCOUNTS.test(text.slice(Math.max(ls, h.start - 40), h.start))) score += 2;
  else if (ctr === "アカウント" || ctr === "accounts" || /アカウント\s*$/.test(before)) score -= 2;
  if (NOT_VICTIMS.test(before) && !(q.q1 && /過去$/.test(before))) score -= 5; // 過去最大 is a record, not a period
  // A part of a breakdown (「うち、東京10名」), not the part a whole was cut to (「通知書のうち4通を」, 「通知書のうち、38人分が」: what went astray).
  if (/(?:うち|内訳|内、)\s*[^。]{0,12}$/.test(before) && !/のうち[、,]?\s*$/.test(before)) score -= 1;
  // A part in the brackets after a total ("約3,100名(在校生1,200名、卒業生1,700名)"): the total counts them all.
  // (A total in the brackets after its parts, "被保険者 21,530名、被扶養者 14,277名(合計 35,807名)", is no part.)
  if (!q.q0 && BREAKDOWN.test(text.slice(Math.max(0, h.start - 50), h.start))) score -= 2;
  return score;
}

/**
 * The words a count is read with: the longest sentence holding it (hard-wrapped lines joined), and the
 * sentence before when the count stands alone after it ("…「管理番号」。(3,775件)").
 */
function sentenceAround(ctx: RuleContext, prose: readonly Sentence[], at: number): string {
  let best: Sentence | undefined;
  for (const s of prose) if (s.start <= at && at < s.end && (!best || s.text.length > best.text.length)) best = s;
  if (!best) return ctx.text.slice(...lineAround(ctx.text, at));
  if (best.text.length >= 15) return best.text;
  const i = ctx.sentences.indexOf(best);
  return (i > 0 ? ctx.sentences[i - 1]!.text : "") + best.text;
}

function candidate(ctx: RuleContext, prose: readonly Sentence[], h: Hit, value: number, ctr: string, q: { q0?: string; q1?: string; q2?: string }): Candidate {
  const qualifiers = [q.q0, q.q1, q.q2].filter((x): x is string => !!x);
  if (/可能性|おそれ|恐れ/.test(ctx.text.slice(h.end, h.end + 40))) qualifiers.push("可能性");
  return { start: h.start, end: h.end, value, text: h.text.trim(), qualifiers, score: scoreOf(ctx, prose, h, ctr, q), round: false };
}

function candidates(ctx: RuleContext): Candidate[] {
  const text = ctx.text;
  const out: Candidate[] = [];
  const prose = proseSentences(text, ctx.sentences);
  for (const h of hits(COUNT, ctx.reading)) {
    const g = h.groups;
    const value = parseNumber(g.num!, g.unit, g.rest);
    if (value === null || value <= 0) continue;
    const before = text.slice(Math.max(0, h.start - 16), h.start);
    const after = text.slice(h.end, h.end + 12);
    if (/[\d時年月日]$/.test(before.slice(-1)) || /^\s*(?:日|月|年|時|回|目|条|号|歳|ヶ月|か月)/.test(after)) continue;
    if (/[A-Za-z]\s?$/.test(before)) continue; // "Microsoft 365" is a product, not a count
    if (/^(?:で(?!し|す|あ|ござ)|だけ|きり|のみで)/.test(after) && value <= 2) continue; // "1人で担当" is not a count of victims ("2名でした" is)
    // "①2,420件": NFKC turned the list marker ① into a leading digit of the count.
    const numAt = h.start + h.text.indexOf(g.num!);
    const marker = /^[①-⑳]/.exec(ctx.sourceOf(numAt, numAt + 1))?.[0].normalize("NFKC");
    const counted = marker ? parseNumber(g.num!.slice(marker.length), g.unit, g.rest) : value;
    if (counted === null || counted <= 0) continue;
    const c = candidate(ctx, prose, h, counted, g.ctr!, g);
    c.round = !g.rest && /^\d+[千万億]?$/.test(g.num!) && /[千万億]/.test(g.num! + (g.unit ?? "")); // "5 千人", "17万件"
    out.push(c);
  }
  for (const h of hits(LABELLED_FIGURE, ctx.reading)) {
    const value = Number(h.groups.num!.replace(/,/g, ""));
    if (value > 0) out.push({ ...candidate(ctx, prose, h, value, "件", { q1: h.groups.q1 }), labelledFigure: true });
  }
  for (const h of hits(TABLE_FIGURE, ctx.reading)) {
    const value = Number(h.groups.num!.replace(/,/g, ""));
    const at = h.start + h.text.indexOf(h.groups.num!);
    if (value > 0 && COUNT_HEADER.test(ctx.columnHeader(at) ?? "")) {
      const c = candidate(ctx, prose, { ...h, start: at, end: at + h.groups.num!.length, text: h.groups.num! }, value, "件", {});
      out.push({ ...c, score: c.score + 3, tableCell: true });
    }
  }
  for (const h of hits(COUNT_EN, ctx.reading)) {
    const g = h.groups;
    const n = Number(g.num!.replace(/,/g, "")) * (g.unit?.toLowerCase() === "billion" ? 1e9 : g.unit?.toLowerCase() === "million" ? 1e6 : 1);
    if (Number.isFinite(n) && n >= 1) out.push(candidate(ctx, prose, h, Math.round(n), g.ctr!.toLowerCase(), { q1: g.q1 }));
  }
  return out;
}

/**
 * The best-scored count; ties go to the larger (the main dataset, not a subgroup). A round headline
 * figure ("5 千人") gives way to the exact figure it rounds ("4,982 人分") when one is stated.
 */
function choose(list: Candidate[]): { best: Candidate; precise: boolean } {
  const best = [...list].sort((a, b) => b.score - a.score || b.value - a.value)[0]!;
  if (!best.round) return { best, precise: false };
  const exact = list.find((c) => !c.round && c.score >= best.score - 3 && Math.abs(c.value - best.value) <= best.value * 0.1);
  return exact ? { best: exact, precise: true } : { best, precise: false };
}

/** The headline count of affected people or records, with the other counts kept. */
export const affectedCountRule: Rule<"affected_count"> = {
  field: "affected_count",
  heuristics: ["affected_count/headline", "affected_count/exact-figure", "affected_count/labelled-figure", "affected_count_text/headline", "affected_count_text/exact-figure", "affected_count_text/labelled-figure", "affected_count/table-cell", "affected_count_text/table-cell", "secondary_counts/listed"],
  run(ctx) {
    const list = candidates(ctx).filter((c) => c.score >= 2);
    if (list.length === 0) return [];
    const { best, precise } = choose(list);
    const how = precise ? "exact-figure" : best.labelledFigure ? "labelled-figure" : best.tableCell ? "table-cell" : "headline";
    // Scores run from 2 (a bare count near leak words) to 9 or so (a labelled count of people's data).
    const conf = precise ? 0.75 : Math.min(0.9, 0.35 + 0.07 * best.score);
    const out: Finding[] = [
      ctx.find("affected_count", best.value, best.start, best.end, conf, `affected_count/${how}`),
      ctx.find("affected_count_text", best.text, best.start, best.end, conf, `affected_count_text/${how}`),
    ];
    const seen = new Set([best.value]);
    for (const c of list) {
      if (seen.has(c.value) || c.score < 2) continue;
      seen.add(c.value);
      const count: Count = { value: c.value, text: c.text, qualifiers: c.qualifiers };
      out.push(ctx.find("secondary_counts", count, c.start, c.end, 0.5, "secondary_counts/listed"));
    }
    return out;
  },
};
