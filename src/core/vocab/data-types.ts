import type { DataType, Label } from "../types.js";

/**
 * Phrases naming kinds of personal data, longest and most specific first: a phrase consumed by
 * an earlier entry is not matched again by a later one (カード名義人名 is not also 氏名).
 */
export const DATA_TYPE_PHRASES: readonly (readonly [DataType, RegExp])[] = [
  // 口座名義人 names a bank account's holder, not a card's.
  // 名義 alone names the cardholder right after the card number (「カード番号や名義など」).
  ["cardholder_name", /(?:クレジット)?カード名義人?(?:の)?(?:名|氏名)?|(?<!口座|契約|土地|建物|登記)名義人(?:名|氏名)?(?=[^。\n]{0,30}(?:カード|card))|(?<=カード番号\s?(?:や|と|、|・|及び|および)\s?)名義(?!人)|\bcard ?holder['’]?s? names?\b/i],
  ["security_code", /セキュリティ[ー\s]?コード|CVV2?|CVC2?|\bsecurity codes?\b/i],
  ["card_expiry", /(?<!(?:パスポート|旅券|免許証?|保険証|在留カード|資格|証明書|ポイント)(?:番号)?(?:の|及び|および|と|・|、)?)有効期限|\b(?:card )?(?:expiration|expiry) dates?\b/i],
  ["credit_card_number", /(?:クレジット)?(?<!(?:利用者|会員|診察|診察券|図書|ポイント|在留|社員|学生|職員|保険|マイナンバー|個人番号|ID|IC|交通系|ETC)\s?)カード番号|\b(?:(?:credit|debit|payment) )?(?<!(?:residence|member(?:ship)?|library|loyalty|point|ID|insurance|student|employee) )card numbers?\b/i],
  // 保険証の記号・番号 (health-insurance card symbol and number), before member_id and 記号.
  ["insurance_number", /(?:健康)?保険証(?:の)?記号(?:・|及び|および|と)?番号|被保険者証(?:の)?記号(?:・|及び|および|と)?番号|被保険者(?:証)?番号|保険者番号|保険証番号|記号・番号|記号番号/],
  // 従業員ID and the like are sign-in names of a staff tool, not membership numbers.
  ["login_id", /ID(?=\s?(?:・|及び|および|と|や|、)\s?(?:ログイン)?パスワード)|ログイン\s?ID|ログインアカウント|ユーザー?\s?ID|アカウント(?:の)?\s?ID|利用者\s?ID|ログイン名|(?:従業員|社員|職員)\s?ID/],
  ["password", /(?:ログイン)?パスワード|暗証番号|passwords?/i],
  // In English only an e-mail address is the data ("email accounts", "our email environment" are systems).
  ["email", /(?:電子|E|e)?[-\s]?メール\s?アドレス|E-?mail\s?アドレス|Eメール(?!の)|E-?mail\s?address(?:es)?|メアド/i],
  ["postal_code", /郵便番号|〒/],
  ["name_kana", /ふりがな|フリガナ|カナ氏名|氏名\s?[(（]?\s?(?:カナ|カタカナ|フリガナ)|(?<=氏名\s?[(（][^)）\n]{0,6})(?:カナ|カタカナ|フリガナ|ふりがな)|カタカナ|よみがな|ヨミガナ|読み仮名/],
  // 勤務先 and 事業所名 name the person's employer.
  ["company_name", /会社名|顧客社名|(?<![当弊貴本自他])社名|企業名|法人名|団体名|勤務先(?:名)?|事業所名|事業者名|取引先名|\b[Cc]ompany names?\b/],
  // Membership and customer numbers only: patient IDs, student and staff numbers are `other`.
  ["member_id", /(?:利用者|会員|ポイント)カード番号|会員証番号|会員番号|会員ID|顧客番号|顧客ID|顧客コード|お客様番号|利用者番号|組合員番号|契約者番号/],
  // 特定個人情報: personal data holding a My Number, in the law's words.
  ["my_number", /マイナンバー|個人番号|特定個人情報/],
  ["bank_account", /口座番号|銀行口座|口座情報|預金口座|振込口座|振込先口座|(?:登録|指定)?金融機関口座|引(?:き)?落(?:と)?し口座|給与振込|金融機関名|銀行名|支店名|口座名義(?:人)?|\b(?<!(?:customer|member|player|user|membership) )(?:bank )?account numbers?\b(?! (?:and|or) (?:passwords?|PINs?))|\bbank account (?:details|information)\b/i],
  // 発生年月日 is when something happened, not a birth date.
  ["birthdate", /(?<!発)生年月日|誕生日|birth\s?dates?|dates? of birth/i],
  ["gender", /性別/],
  ["age", /年齢/],
  // "電話・FAX番号" (not "電話・メール・FAX注文", how orders came in).
  ["phone", /電話番号|携帯番号|携帯電話番号|FAX\s?番号|(?<![A-Za-z])TEL(?![A-Za-z])|電話(?=・[^、。\n]{0,8}番号)|連絡先電話|phone numbers?/i],
  // 送付先アドレス is a mail address list, not a postal address; 本来の送付先とは異なる… is whom papers were meant for.
  // English "addresses" are postal unless e-mail or IP ones.
  ["address", /(?<!メール\s?)(?<!IP\s?)(?:ご)?住所|所在地|(?<!本来の|正しい|誤った)送付先(?!アドレス|件数|の?メール|とは|と異な|を(?:誤|間違)|に|へ)|配送先住所|お届け先住所|居住(?:地|市区?町村|市町|地域)|(?<!(?:e-?mail|IP|web|URL)\s)\b(?:home |postal |mailing )?addresses\b/i],
  ["health", /病歴|病名|傷病名|疾患名|疾病名|診断名|診断結果|手術名|診療(?:記録|情報|内容)|カルテ|検査結果|健康診断(?:の)?(?:結果|情報|データ|記録|票)|健診(?:の)?(?:結果|情報|データ|記録|票)|(?:特定)?健康診査(?:の)?(?:受診)?(?:結果|情報|データ|記録)|処方(?:箋|内容|情報|薬)|服薬|既往歴|障(?:害|がい)(?:の)?(?:有無|程度|区分|種別)|障(?:害|がい)の内容|障がい内容|要介護|医療情報|健康情報|健康保険を使用した履歴|受診(?:年月|日|歴|内容|科目?)|診療科|受診科|血液型|医療機関名|医療費|診療報酬|傷病手当|保健指導|治療内容|お薬手帳|薬歴|身長|体重|血圧|体脂肪|アレルギー(?:の有無|情報)?/],
  ["occupation", /職業|職種/],
  ["education_history", /学歴|出身校|卒業校|在籍校|在籍(?:する|している)?学校名|学校名|出身大学|出身(?:高校|高等学校|中学校?)(?:名)?|進学先|学籍(?!番号)/],
  ["free_text", /自由記入欄|自由記述|備考欄|お問い合わせ内容|問い合わせ内容|ご相談内容|相談内容|コメント欄|アンケート回答/],
  // Faces and people in pictures; other pictures (of cards, of documents) are `other`.
  ["photo", /顔写真|証明写真|本人写真|(?:園児|児童|生徒|子供|子ども|学生|患者|利用者|会員|参加者|人物)(?:様|さん)?(?:の)?写真/],
  ["points_balance", /ポイント残高|保有(?:[A-Za-z\s]{0,10})?(?:ポイント|POINT)(?:数)?|ポイント数/i],
  // Mails themselves: bodies, exchanges, mailbox contents (not the addresses).
  // "メールの本文中にあるURL" places a link, it names no leaked mail.
  ["email_content", /(?:電子)?メール(?:の)?(?:本文|内容|データ)(?!中|に(?:ある|記載))|(?:電子)?メール(?=(?:が|を)(?:閲覧|盗み見|窃取))|(?:電子)?メールのやり(?:取|と)り|(?:送受信|受信)(?:した|された)?(?:電子)?メール(?!アドレス)|業務連絡メール|e-?mail data/i],
  // The organisation's own or its partners' records, not a person's.
  ["business_info", /法人情報|企業情報|業務情報|業務データ|営業情報|技術情報|社内情報|経営情報|(?:取引先|代理店|法人顧客)(?:の)?(?:情報|データ)/],
  ["name", /(?:ご)?氏名|お名前|名前(?!を(?:騙|かた|装|使|名乗|語))|個人名|顧客名|患者名|利用者名|会員名|担当者(?:様)?名|代表者(?:様)?名|契約者名|使用者名|入居者名|加入者名|申込者名|申請者名|受給者名|受診者名|宛名|姓名|保護者名|生徒名|児童名|学生名|(?<!\b(?:user|company|domain|file|host|account|brand|product|screen|display) )\bnames?\b/],
];

/** Nouns for data items outside the vocabulary, counted as `other` when listed with leaked data. */
export const OTHER_DATA = /注文(?:内容|履歴|番号|情報)|(?:課)?税(?:情報|額)|職歴|経歴書?|購入(?:履歴|内容|商品|金額)|配送先(?:情報)?|お届け先|緊急(?:の)?連絡先|連絡先情報|メール署名|署名情報|信用情報|資格取得日|取得日|査定|売却(?:希望|予定|時期|価格)|物件|希望(?!者|され|して|する|しな|しま)|時期|連絡方法|写真|成績|評価|内定|Cookie|クッキー|閲覧履歴|位置情報|IPアドレス|契約(?:内容|情報)|利用履歴|取引(?:履歴|情報)|請求|金額|家族(?:構成|状況)|続柄|国籍|身長|体重|車両|ナンバー|ポイント|所属(?:先|部署|部門|名|情報|コード|団体)|部署名|役職|年収|収入|(?:預金|借入|預り|口座)残高|借入(?:金|額)|融資(?:額|残高)|要介護度|介護度|調査日|利用日|来店|予約(?:内容|日|番号)|満期日|契約の種類|利用サービス|サービスの内容|取引関連|請求書|物件名|商品名|患者(?:ID|番号)|診察券番号|カルテ番号|病歴番号|学籍番号|社員番号|職員番号|管理番号|受付番号|初診日|入院|術式|術者|パスポート|旅券|身分証|免許証|社会保(?:険|障)番号|(?:本人確認|秘密)(?:用|に使う|のための)?の?質問|security questions?|passport (?:numbers?|information|details)|[Ss]ocial [Ss]ecurity numbers?|driver['’]?s licen[cs]e (?:numbers?|information)|人事(?:データ|情報|記録)|アクセス情報|名刺|印影|署名|指紋|筆跡|宗教|信条|犯罪歴|前科|出席番号|(?<!(?:user|login|member) )\bID numbers?\b/;

/**
 * Words for personal data named as a whole ("個人情報が流出"): `personal_info` when the notice does
 * not itemise whose data it was. Only a mention followed by a particle counts ("個人情報が流出", "成績や
 * 個人情報を載せた"): compounds name the incident (個人情報漏えいのお知らせ) or the law (個人情報保護…);
 * 要配慮個人情報 is itemised by its gloss; 個人情報の取り扱い is about handling, not data.
 */
export const PERSONAL_DATA_WHOLE = /(?<!要配慮)(?:個人情報|個人データ|顧客情報|お客(?:様|さま)(?:の)?情報|会員情報|患者(?:さん|様)?(?:の)?情報|生徒(?:の)?情報|学生情報|児童(?:生徒)?(?:の)?情報|利用者情報|ユーザー?情報|参加者情報|住民情報|personal (?:information|data))(?=\s?(?:が|を(?!(?:取り?扱|管理|保護))|は|も|等|など|の(?!取り?扱|管理|保護|適正|適切)|、|・|及び|および|や|と|[(（)）」]|約|計|合計|\d|\s(?:was|were|of|may|might|could|had|has|have|is|are|and|sets?|records?|belonging)\b|[.,;]))/i;

/** Card data named as a whole ("クレジットカード情報が流出"): `credit_card_info` when no card item is listed. */
export const CARD_DATA_WHOLE = /クレジットカード(?:情報|データ)|(?<![ァ-ヶー一-龥])カード情報|(?:credit |payment )?card (?:information|data|details)/i;

/** Labels of the data types, Japanese and English (shown by the UI and the reports). */
export const DATA_TYPE_LABELS: Readonly<Record<DataType, Label>> = {
  name: { ja: "氏名", en: "Name" }, name_kana: { ja: "氏名(カナ)", en: "Name (kana)" }, address: { ja: "住所", en: "Address" },
  postal_code: { ja: "郵便番号", en: "Postal code" }, birthdate: { ja: "生年月日", en: "Date of birth" }, gender: { ja: "性別", en: "Gender" },
  phone: { ja: "電話番号", en: "Phone number" }, email: { ja: "メールアドレス", en: "Email address" },
  credit_card_number: { ja: "クレジットカード番号", en: "Card number" }, card_expiry: { ja: "有効期限", en: "Card expiry" },
  security_code: { ja: "セキュリティコード", en: "Security code" }, cardholder_name: { ja: "カード名義人", en: "Cardholder name" },
  login_id: { ja: "ログインID", en: "Login ID" }, password: { ja: "パスワード", en: "Password" }, bank_account: { ja: "口座情報", en: "Bank account" },
  health: { ja: "健康・医療情報", en: "Health data" }, my_number: { ja: "マイナンバー", en: "My Number" }, occupation: { ja: "職業", en: "Occupation" },
  education_history: { ja: "学歴", en: "Education history" }, company_name: { ja: "勤務先", en: "Employer" }, member_id: { ja: "会員番号", en: "Member ID" },
  free_text: { ja: "自由記述", en: "Free text" }, other: { ja: "その他", en: "Other" },
  personal_info: { ja: "個人情報(項目不明)", en: "Personal data (items not stated)" },
  credit_card_info: { ja: "クレジットカード情報(項目不明)", en: "Card data (items not stated)" },
  email_content: { ja: "メール本文・添付", en: "Email content" }, business_info: { ja: "法人・業務情報", en: "Business data" },
  age: { ja: "年齢", en: "Age" }, photo: { ja: "写真", en: "Photo" }, insurance_number: { ja: "保険証の記号・番号", en: "Insurance card number" },
  points_balance: { ja: "ポイント残高", en: "Points balance" },
};
