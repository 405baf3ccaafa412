import type { Sector } from "../../core/types.js";
import type { NoticeText } from "./evidence.js";
import { makeTag, quote, type Label, type Tag } from "./tag.js";

/** Japanese and English labels of the 15 sectors of the extraction vocabulary. */
export const SECTOR_LABELS: Readonly<Record<Sector, Label>> = {
  medical: { ja: "医療", en: "Healthcare" },
  education: { ja: "教育", en: "Education" },
  government: { ja: "官公庁・自治体", en: "Government" },
  retail_ec: { ja: "小売・EC", en: "Retail and e-commerce" },
  manufacturing: { ja: "製造", en: "Manufacturing" },
  finance: { ja: "金融", en: "Finance" },
  media: { ja: "メディア・出版", en: "Media and publishing" },
  it_service: { ja: "IT・情報サービス", en: "IT services" },
  logistics: { ja: "運輸・物流", en: "Transport and logistics" },
  health_insurance: { ja: "健康保険", en: "Health insurance" },
  association: { ja: "団体・協同組合", en: "Associations and cooperatives" },
  leisure: { ja: "レジャー・娯楽", en: "Leisure and entertainment" },
  real_estate: { ja: "不動産", en: "Real estate" },
  telecom: { ja: "通信", en: "Telecommunications" },
  other: { ja: "その他", en: "Other" },
};

/** The sector tag of the incident, when the extractor settled one. */
export function sectorTags(nt: NoticeText): Tag[] {
  const sector = nt.input.fields.sector;
  if (sector === null) return [];
  const f = nt.finding("sector", sector);
  const reason = f ? `sector cue ${quote(f.text)}` : "settled by the extractor without quotable words";
  return [makeTag("sector", sector, SECTOR_LABELS[sector], reason, f?.confidence ?? 0.4, f?.span)];
}
