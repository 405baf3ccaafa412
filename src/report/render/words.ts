import type { BlockKey, Lang } from "../types.js";

const WORDS = {
  ja: {
    monthly: "月次ダイジェスト {month}", annual: "{year}年 年次報告", lessons: "{year}年 教訓: 公表された再発防止策",
    contents: "目次", summary: "{total}件 · 影響人数 {people}人 · 人数不明 {unknown}件", lessonsSummary: "{total}件 · 再発防止策 {measures}項目",
    notStated: "記載なし", same: "{block}と同じ文", organization: "組織", disclosed: "公表日", discovered: "発覚日", affected: "影響人数", dataTypes: "情報の種類",
    types: "種類", tags: "タグ", sources: "出典", first: "初報", followup: "続報", incidentPage: "事案ページ", archived: "保存された通知",
    noIncidents: "該当する事案はありません。", incidents: "事案", count: "件数", people: "影響人数", noCount: "人数不明", median: "中央値", change: "前年比", changeCount: "件数の前年比",
    byCause: "原因別(TSR分類)", byMedium: "媒体別", bySector: "業種別", byMonth: "月別", byType: "事案の種類別",
    unknownCounts: "影響人数が不明の事案", unknownShare: "{year}年の{total}件のうち{unknown}件({share})は影響人数を公表していません。",
    largest: "影響人数の多い事案 上位10件", basics: "守られなかった基本(開けたら閉める・使ったら片付ける・動かすなら管理する)",
    basicsCount: "{n}件", previous: "前年({year}年)との比較", noPrevious: "前年の事案はありません。",
    measuresCount: "{incidents}件中{with}件が再発防止策を公表(計{measures}項目)", item: "項目", unknown: "不明", rank: "順位",
    tlpNote: "この報告は閲覧者の権限(TLP)で見える事案だけを載せ、数えています。引用はすべて保存された通知の原文です。",
    generated: "事件簿 Jikenbo が作成", organizationUnknown: "組織名不明",
    situation: "状況", cause: "原因", response: "対応", leaked: "流出情報", measures: "再発防止策",
  },
  en: {
    monthly: "Monthly digest {month}", annual: "Annual report {year}", lessons: "Lessons {year}: measures organisations announced",
    contents: "Contents", summary: "{total} incidents · {people} people affected · {unknown} with no count", lessonsSummary: "{total} incidents · {measures} measures",
    notStated: "not stated", same: "the sentence quoted under {block}", organization: "Organisation", disclosed: "Disclosed", discovered: "Discovered", affected: "People affected", dataTypes: "Data",
    types: "Type", tags: "Tags", sources: "Sources", first: "first notice", followup: "follow-up", incidentPage: "incident page", archived: "archived notice",
    noIncidents: "No incidents.", incidents: "Incidents", count: "Incidents", people: "People affected", noCount: "No count", median: "Median", change: "Change", changeCount: "Change in incidents",
    byCause: "By cause (TSR categories)", byMedium: "By medium", bySector: "By sector", byMonth: "By month", byType: "By incident type",
    unknownCounts: "Incidents with no count", unknownShare: "Of {year}'s {total} incidents, {unknown} ({share}) gave no count of people affected.",
    largest: "The ten largest by people affected", basics: "The basics most often at fault (close what you open, clean up what you use, manage what you run)",
    basicsCount: "{n} incidents", previous: "Compared with {year}", noPrevious: "No incidents the year before.",
    measuresCount: "{with} of {incidents} incidents announced measures ({measures} in all)", item: "Item", unknown: "unknown", rank: "#",
    tlpNote: "This report lists and counts only the incidents the reader's TLP clearance allows. Every quote is a sentence of an archived notice.",
    generated: "Made by Jikenbo", organizationUnknown: "organisation unknown",
    situation: "Situation", cause: "Cause", response: "Response", leaked: "Data leaked", measures: "Measures",
  },
} as const;

/** One word or phrase of the reports. */
export type Word = keyof (typeof WORDS)["ja"];

/** A phrase in a language with `{name}` placeholders filled. */
export function word(lang: Lang, key: Word, vars: Record<string, string | number> = {}): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
}

/** A block's heading: 【状況】 in Japanese, the word in English. */
export function blockTitle(lang: Lang, key: BlockKey): string {
  return lang === "ja" ? `【${word(lang, key)}】` : word(lang, key);
}

/** A number with thousands separators. */
export function num(n: number): string {
  return n.toLocaleString("en-US");
}

/** A change between two counts, signed, with the percentage when the earlier one is not zero. */
export function change(now: number, before: number | undefined): string {
  if (before === undefined) return "—";
  const d = now - before;
  const sign = d > 0 ? "+" : d < 0 ? "−" : "±";
  return before ? `${sign}${num(Math.abs(d))} (${sign}${Math.round((Math.abs(d) / before) * 100)}%)` : `${sign}${num(Math.abs(d))}`;
}
