import type { IncidentType } from "../../core/types.js";
import type { NoticeText } from "./evidence.js";
import { makeTag, quote, type Label, type Tag } from "./tag.js";

/** Japanese and English labels of the 18 incident types of the extraction vocabulary. */
export const INCIDENT_TYPE_LABELS: Readonly<Record<IncidentType, Label>> = {
  ransomware: { ja: "ランサムウェア", en: "Ransomware" },
  unauthorized_access: { ja: "不正アクセス", en: "Unauthorized access" },
  web_skimming: { ja: "決済画面の改ざん(Webスキミング)", en: "Web skimming" },
  phishing: { ja: "フィッシング", en: "Phishing" },
  account_takeover: { ja: "アカウント乗っ取り", en: "Account takeover" },
  credential_stuffing: { ja: "リスト型攻撃", en: "Credential stuffing" },
  malware: { ja: "マルウェア感染", en: "Malware infection" },
  misdelivery: { ja: "誤送信・誤送付", en: "Misdelivery" },
  misconfiguration: { ja: "設定不備", en: "Misconfiguration" },
  loss: { ja: "紛失", en: "Loss" },
  theft: { ja: "盗難", en: "Theft" },
  insider: { ja: "内部不正", en: "Insider misuse" },
  ddos: { ja: "DDoS攻撃", en: "DDoS attack" },
  defacement: { ja: "Webサイト改ざん", en: "Website defacement" },
  support_scam: { ja: "サポート詐欺", en: "Tech-support scam" },
  system_failure: { ja: "システム障害", en: "System failure" },
  regulatory_action: { ja: "行政処分・指導", en: "Regulatory action" },
  other: { ja: "その他", en: "Other" },
};

/** One tag per incident type the extractor found, with the words it found it in. */
export function incidentTypeTags(nt: NoticeText): Tag[] {
  return nt.input.fields.incident_types.map((type) => {
    const f = nt.finding("incident_types", type);
    const reason = f ? `the notice says ${quote(f.text)}${f.inTitle ? " in its title" : ""}` : "settled by the extractor without quotable words";
    return makeTag("incident_type", type, INCIDENT_TYPE_LABELS[type], reason, f?.confidence ?? 0.5, f?.span);
  });
}
