// Labels of the extraction vocabularies: the server's own tables where it has them, the rest here.
import type { Label } from "../../../src/core/types.js";
import { DATA_TYPE_LABELS } from "../../../src/core/vocab/data-types.js";
import { BASIC_INFO } from "../../../src/intel/taxonomies/basics.js";
import { INCIDENT_TYPE_LABELS } from "../../../src/intel/taxonomies/incident-type.js";
import { SECTOR_LABELS } from "../../../src/intel/taxonomies/sector.js";
import { TSR_CAUSE_LABELS } from "../../../src/intel/taxonomies/tsr.js";

const REPORTED_TO_LABELS: Record<string, Label> = {
  ppc: { ja: "個人情報保護委員会", en: "Personal Information Protection Commission" }, police: { ja: "警察", en: "Police" },
  ministry: { ja: "所管官庁", en: "Supervising ministry" }, pmark: { ja: "プライバシーマーク事務局", en: "PrivacyMark office" }, other: { ja: "その他", en: "Other" },
};

const CAUSE_LABELS: Record<string, Label> = {
  vulnerability: { ja: "脆弱性", en: "Vulnerability" }, misconfiguration: { ja: "設定不備", en: "Misconfiguration" },
  credential: { ja: "認証情報の悪用", en: "Stolen or weak credentials" }, malware: { ja: "マルウェア", en: "Malware" },
  phishing: { ja: "フィッシング", en: "Phishing" }, insider: { ja: "内部不正", en: "Insider" }, human_error: { ja: "人為的ミス", en: "Human error" },
  loss: { ja: "紛失", en: "Loss" }, theft: { ja: "盗難", en: "Theft" }, vendor: { ja: "委託先", en: "Vendor" },
  hardware: { ja: "機器の故障", en: "Hardware fault" }, unknown: { ja: "不明", en: "Unknown" },
};

const RESPONSE_LABELS: Record<string, Label> = {
  network_isolation: { ja: "ネットワーク遮断", en: "Network isolation" }, service_suspension: { ja: "サービス停止", en: "Service suspended" },
  password_reset: { ja: "パスワード変更", en: "Password reset" }, account_suspension: { ja: "アカウント停止", en: "Account suspended" },
  forensic_investigation: { ja: "外部機関による調査", en: "Forensic investigation" }, notification: { ja: "個別連絡", en: "People notified" },
  authority_report: { ja: "当局への報告", en: "Reported to authorities" }, card_monitoring: { ja: "カード不正利用の監視", en: "Card monitoring" },
  recovery: { ja: "復旧", en: "Recovery" }, contact_desk: { ja: "問い合わせ窓口の設置", en: "Contact desk opened" },
  takedown_request: { ja: "削除依頼", en: "Takedown requested" },
};

const STATUS_LABELS: Record<string, Label> = {
  investigating: { ja: "調査中", en: "Investigating" }, resolved: { ja: "解決済み", en: "Resolved" }, unknown: { ja: "不明", en: "Unknown" },
};

const TABLES: Record<string, Record<string, Label>> = {
  type: INCIDENT_TYPE_LABELS, sector: { ...SECTOR_LABELS, unknown: { ja: "不明", en: "Unknown" } }, data: DATA_TYPE_LABELS,
  reported: REPORTED_TO_LABELS, cause: CAUSE_LABELS, tsr: TSR_CAUSE_LABELS, response: RESPONSE_LABELS, status: STATUS_LABELS,
  basics: Object.fromEntries(Object.entries(BASIC_INFO).map(([k, v]) => [k, v.label])),
};

function catalog(lang: "ja" | "en"): Record<string, string> {
  return Object.fromEntries(Object.entries(TABLES).flatMap(([kind, labels]) => Object.entries(labels).map(([k, l]) => [`vocab.${kind}.${k}`, l[lang]])));
}

export default { ja: catalog("ja"), en: catalog("en") };
