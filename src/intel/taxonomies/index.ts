import { attackTags } from "./attack.js";
import { basicsTags } from "./basics.js";
import { NoticeText } from "./evidence.js";
import { incidentTypeTags } from "./incident-type.js";
import { sectorTags } from "./sector.js";
import type { Label, NoticeInput, Tag, TaxonomyName } from "./tag.js";
import { tlpTags } from "./tlp.js";
import { tsrCauseTag, tsrMediumTag } from "./tsr.js";
import { verisActionTags, verisAssetTags, verisAttributeTags } from "./veris.js";

/** The tag types, re-exported for callers of `tagNotice`. */
export type { Label, NoticeInput, Tag, TaxonomyName } from "./tag.js";

/** What a taxonomy is and where it is defined (null for Jikenbo's own vocabularies). */
export interface TaxonomyInfo {
  name: TaxonomyName;
  title: Label;
  source: string | null;
}

/** Every taxonomy `tagNotice` uses, in the order it emits their tags. */
export const TAXONOMIES: readonly TaxonomyInfo[] = [
  { name: "incident_type", title: { ja: "事案の種別", en: "Incident type" }, source: null },
  { name: "tsr_cause", title: { ja: "漏えい・紛失事故の原因(東京商工リサーチ集計)", en: "Cause, as Tokyo Shoko Research tallies it" }, source: "https://www.tsr-net.co.jp/" },
  { name: "tsr_medium", title: { ja: "漏えい・紛失事故の媒体(東京商工リサーチ集計)", en: "Medium, as Tokyo Shoko Research tallies it" }, source: "https://www.tsr-net.co.jp/" },
  { name: "sector", title: { ja: "業種", en: "Sector" }, source: null },
  { name: "attack", title: { ja: "MITRE ATT&CK テクニック(Enterprise)", en: "MITRE ATT&CK technique (Enterprise)" }, source: "https://attack.mitre.org/" },
  { name: "veris_action", title: { ja: "VERIS アクション", en: "VERIS action" }, source: "https://verisframework.org/" },
  { name: "veris_asset", title: { ja: "VERIS 資産", en: "VERIS asset" }, source: "https://verisframework.org/" },
  { name: "veris_attribute", title: { ja: "VERIS 属性(機密性・完全性・可用性)", en: "VERIS attribute (CIA)" }, source: "https://verisframework.org/" },
  { name: "tlp", title: { ja: "TLP 2.0 共有区分", en: "Traffic Light Protocol 2.0" }, source: "https://www.first.org/tlp/" },
  { name: "basics", title: { ja: "セキュリティの基本3原則", en: "The three basics of security" }, source: null },
];

/** Tag one extracted incident notice. Pure: no I/O. `source` is the document's decoded text, `span` the notice's span in it. */
export function tagNotice(input: NoticeInput): Tag[] {
  const nt = new NoticeText(input);
  return [
    ...incidentTypeTags(nt),
    tsrCauseTag(nt),
    tsrMediumTag(nt),
    ...sectorTags(nt),
    ...attackTags(nt),
    ...verisActionTags(nt),
    ...verisAssetTags(nt),
    ...verisAttributeTags(nt),
    ...tlpTags(nt),
    ...basicsTags(nt),
  ];
}
