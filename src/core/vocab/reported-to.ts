import type { ReportedTo } from "../types.js";

/** Bodies an organisation reports incidents to, by how notices name them. */
export const REPORT_BODIES: readonly (readonly [ReportedTo, RegExp])[] = [
  ["ppc", /個人情報保護委員会|個人情報保護委員會|PPC|Personal Information Protection Commission/],
  // A station by name ("いわき中央署"; the rule reads the name before 署), not a department (部署), the agencies concerned (関係各署) or a tax or fire office.
  ["police", /警察|警視庁|県警|府警|道警|交番|駐在所|サイバー犯罪(?:対策)?(?:課|センター)|捜査機関|署(?<=[ぁ-んァ-ヶ一-龥]署)(?<![部税務防督本各]署)(?=に|へ|と|の|から|より)|(?:reported|notified|informed|contacted|consulted)[^.]{0,120}\b(?:police|law enforcement|FBI)\b|\b(?:police|law enforcement|FBI) (?:were|was|have been|has been|had been) (?:notified|informed|contacted)/i],
  ["pmark", /プライバシーマーク|Pマーク|JIPDEC|日本情報経済社会推進協会|審査機関/],
  ["ministry", /厚生労働省|総務省|経済産業省|文部科学省|国土交通省|金融庁|内閣府|消費者庁|農林水産省|環境省|防衛省|法務省|財務省|外務省|デジタル庁|出入国在留管理庁|観光庁|文化庁|スポーツ庁|こども家庭庁|林野庁|水産庁|気象庁|特許庁|中小企業庁|資源エネルギー庁|国税庁|所管(?:省庁|官庁)|監督官庁|主務大臣|厚生局|財務局|総合通信局|経済産業局|運輸局|地方整備局|\b(?:[Hh]ealth|[Ee]conomy|[Ii]ndustry|[Ee]ducation|[Ff]inance|[Cc]ommunications|[Ii]nternal [Aa]ffairs) [Mm]inistry\b|\bMinistry of [A-Z]/],
  ["other", /IPA|情報処理推進機構|JPCERT|JC3|NISC|内閣サイバーセキュリティセンター|認定個人情報保護団体|教育委員会|保健所|消費生活センター|金融機関|カード会社|決済代行会社/],
];

/** Verbs that make a mention a report or a call for help, not just a name. */
export const REPORT_VERBS = /情報提供|報告|(?:速報|確報)(?:を)?提出|捜査(?!書類|資料|関係|情報|員|官)|[Rr]eported|[Nn]otified|[Ii]nformed|[Cc]onsulted|告訴|告発|届出|届け出|届けを|遺失届|被害届|届を提出|通報|相談|被害申告|被害届|申告|連絡し|連携|協力を得|指導を受け|勧告|指導|立入|対応チーム|支援を|照会/;
