import type { DataType } from "../../core/types.js";

/**
 * Phrases naming kinds of personal data, longest and most specific first: a phrase consumed by
 * an earlier entry is not matched again by a later one (カード名義人名 is not also 氏名).
 */
export const DATA_TYPE_PHRASES: readonly (readonly [DataType, RegExp])[] = [
  ["cardholder_name", /(?:クレジット)?カード名義人?(?:の)?(?:名|氏名)?|名義人(?:名|氏名)?/],
  ["security_code", /セキュリティ\s?コード|セキュリティーコード|CVV2?|CVC2?/],
  ["card_expiry", /有効期限/],
  ["credit_card_number", /(?:クレジット)?カード番号|クレジットカード(?:情報|データ)/],
  ["login_id", /ログイン\s?ID|ログインアカウント|ユーザー?\s?ID|アカウント\s?ID|ログイン名/],
  ["password", /(?:ログイン)?パスワード|暗証番号/],
  ["email", /(?:電子|E|e)?[-\s]?メール\s?アドレス|E-?mail\s?アドレス|Eメール|E-?mail|メアド/],
  ["postal_code", /郵便番号|〒/],
  ["name_kana", /ふりがな|フリガナ|カナ氏名|氏名\s?[(（]?\s?(?:カナ|カタカナ|フリガナ)|カタカナ|よみがな|ヨミガナ|読み仮名/],
  ["company_name", /会社名|顧客社名|社名|企業名|法人名|団体名|勤務先名|事業者名|取引先名/],
  ["member_id", /会員番号|会員ID|顧客番号|顧客ID|管理番号|組合員番号|被保険者番号|保険証番号|記号番号|学籍番号|社員番号|職員番号|患者ID|患者番号|診察券番号|受付番号|予約番号|利用者番号|お客様番号/],
  ["my_number", /マイナンバー|個人番号/],
  ["bank_account", /口座番号|銀行口座|口座情報|預金口座|金融機関名|支店名/],
  ["birthdate", /生年月日|誕生日/],
  ["gender", /性別/],
  ["phone", /電話番号|携帯番号|携帯電話番号|FAX番号|TEL|電話・|連絡先電話/],
  ["address", /(?<!メール\s?)(?<!IP\s?)(?:ご)?住所|所在地|送付先|配送先住所|お届け先住所/],
  ["health", /病歴|病名|傷病名|診療(?:記録|情報|内容)|カルテ|検査結果|健康診断|健診|処方|服薬|既往歴|障害の有無|要介護|医療情報|健康情報|健康保険を使用した履歴/],
  ["occupation", /職業|職種|役職|勤務先/],
  ["education_history", /学歴|出身校|卒業校|在籍校|出身大学/],
  ["free_text", /自由記入欄|自由記述|備考欄|お問い合わせ内容|問い合わせ内容|ご相談内容|相談内容|コメント欄|アンケート回答/],
  ["name", /(?:ご)?氏名|お名前|名前|顧客名|患者名|利用者名|会員名|担当者(?:様)?名|代表者(?:様)?名|契約者名|宛名|姓名|保護者名|生徒名|児童名|学生名/],
];

/** Nouns for data items outside the vocabulary, counted as `other` when listed with leaked data. */
export const OTHER_DATA = /注文(?:内容|履歴|番号|情報)|購入(?:履歴|内容|商品|金額)|配送先(?:情報)?|お届け先|連絡先情報|メール(?:内容|本文|署名|の内容)|署名情報|業務連絡|添付ファイル|信用情報|資格取得日|取得日|査定|売却|物件|希望|時期|連絡方法|写真|成績|評価|内定|Cookie|クッキー|閲覧履歴|位置情報|IPアドレス|契約(?:内容|情報)|利用履歴|取引(?:履歴|情報)|請求|金額|家族構成|続柄|国籍|顔写真|身長|体重|車両|ナンバー|ポイント|所属|部署|要介護度|介護度|調査日|利用日|来店|予約内容|満期日|契約の種類/;
