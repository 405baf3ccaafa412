/** Legal forms written before or after an organisation's name. */
export const LEGAL_FORM = "株式会社|有限会社|合同会社|合資会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|国立大学法人|公立大学法人|学校法人|医療法人社団|医療法人財団|医療法人|社会福祉法人|独立行政法人|地方独立行政法人|国立研究開発法人|特定非営利活動法人|NPO法人|\\(株\\)|\\(有\\)";

/** Endings that make a word an organisation's name. */
export const ORG_SUFFIX = "株式会社|有限会社|合同会社|大学病院|大学|学園|高等学校|中学校|小学校|学校|病院|クリニック|医院|診療所|健康保険組合|組合|協会|協議会|連合会|財団|機構|センター|委員会|研究所|事務所|銀行|信用金庫|生協|共済|新聞社|出版社|社|都|道|府|県|市|町|村|区|省|庁|会|館|局|グループ|ホールディングス";

/** Words that refer to the writer, never a name: 当社, 弊社, 本学… */
export const SELF_REFERENCE = /^(?:当|弊|本|貴|同|自|各|他|御|関係|親|子|グループ)(?:社|院|学|校|組合|センター|法人|協会|館|店|会|機構|財団|市|町|村|県|区|庁|省)$/;

/** An organisation name with a legal form in front or behind. */
export const LEGAL_NAME = new RegExp(
  `(?:${LEGAL_FORM}) ?[^\\s、。,()「」『』【】:：/]{1,30}?(?= ?(?:\\(|（|は|が|の|に|と|及び|および|並びに|を|より|から|、|。|\\s|$))|(?<![^\\s、。「『(（【/・:：はがをにのとへでもや])(?![^\\s]*?(?:して|された|される|する|した|いる|ある|れる|った|ない|です|ます))[^\\s、。,()「」『』【】:：/のはがにとを]{1,30}? ?(?:${LEGAL_FORM})`,
  "g",
);

/** Bodies that act on others' incidents: a regulator's notice names its target separately. */
export const REGULATORS = /^(?:個人情報保護委員会|総務省|金融庁|経済産業省|厚生労働省|文部科学省|国土交通省|消費者庁|公正取引委員会)$/;
