import type { Sector } from "../types.js";

/**
 * What an organisation's name says of its sector, read from how the name ends (legal forms taken
 * off), the most specific ending first: 医療センター before センター, 病院協会 is an association.
 */
export const NAME_SECTORS: readonly (readonly [Sector, RegExp])[] = [
  // 健康保険組合, 全国健康保険協会 (協会けんぽ), 国民健康保険組合: anywhere in the name.
  ["health_insurance", /健康保険|健保|けんぽ|国保組合/],
  ["education", /(?:教育委員会|大学|大学院|短期大学|高等専門学校|高専|高等学校|高校|中学校|小学校|特別支援学校|学校|学院|学園|幼稚園|保育園|こども園|予備校|学習塾|塾|University|College|School)$/],
  ["medical", /(?:病院|クリニック|医院|診療所|医療センター|歯科|薬局|看護ステーション|健診センター|Hospital|Clinic)$/],
  ["finance", /(?:銀行|信用金庫|信用組合|証券|生命保険|損害保険|生命|損保|海上火災|保険|ファイナンス|クレジット|カード|リース|信販|Bank)$/],
  // Bodies that local governments form together: a wide-area union (後期高齢者医療広域連合), a water or fire-fighting
  // union (水道企業団, 消防組合), a joint administrative union (一部事務組合); before the associations' 組合 and 連合.
  ["government", /(?:広域連合|企業団|事務組合|消防組合|行政組合|(?:衛生|清掃|環境)(?:施設)?組合)$/],
  // The state's and the prefectures' local offices: a tax office, a pension office, a job centre, a health centre.
  ["government", /(?:税務署|労働基準監督署|職業安定所|保健所|児童相談所|年金事務所|福祉事務所)$/],
  // Federations, societies, co-operatives, foundations and councils (社会福祉協議会 too).
  ["association", /(?:協会|協議会|連合会|連盟|学会|研究会|協同組合|生協|共済|労働組合|組合|財団|振興会|保存会|後援会|商工会|商工会議所)$/],
  // A sports club's company (〇〇バスケットボール株式会社); its federation is an association (〇〇サッカー協会).
  ["leisure", /バスケットボール|サッカー|フットボール|ベースボール|バレーボール|ラグビー|球団/],
  // Museums, parks, hotels and travel count as leisure.
  ["leisure", /(?:Travel|Tours|Hotels?|Resorts?|美術館|博物館|記念館|資料館|動物園|水族館|植物園|公園|ホテル|旅館|リゾート|観光|旅行|ツーリスト|トラベル|ツアーズ|(?:ゴルフ|スポーツ|フィットネス)(?:クラブ)?|劇場|映画館|神社|寺)$/],
  ["media", /(?:新聞社|新聞|出版社|出版|書店|放送|(?<!ケーブル)テレビ|ラジオ|通信社)$/],
  // Carriers of people too: bus, rail and taxi companies.
  ["logistics", /(?:Shipping|Logistics|Transport|Airlines?|Railways?|ロジ|運輸|通運|物流|運送|ロジスティクス|倉庫|急便|郵便局|郵便|海運|商船|汽船|フェリー|航空|交通|鉄道|電鉄|バス|タクシー)$/],
  ["telecom", /(?:テレコム|コミュニケーションズ|モバイル|電話)$/],
  ["it_service", /(?:システムズ|システム|ソリューションズ|クラウド|ソフトウェア|ソフト|テクノロジーズ|テクノロジー|ネットワークス|情報サービス|データ|Systems|Software|Solutions|Technologies|Networks)$/],
  // 製 and what is made: 製菓, 製鋸, 製粉.
  // And makers named for what they make: cosmetics, medicines, sake, paint, fibre, paper, metal; in English too.
  ["manufacturing", /(?:工業|製作所|電機|電産|電装|電器|製[\u4e00-\u9fff]|化学|化成|重工|精機|精工|精密|鉄鋼|食品|自動車|電子|電工|機械|産業機器|化粧品|薬品|酒造|醸造|塗料|繊維|紡績|金属|鋳造|工機|機工|Precision|Industries|Industrial|Manufacturing|Machinery|Chemicals?|Steel|Motors?|Confectionery|Foods|Electric|Electronics)$/],
  ["real_estate", /(?:不動産|地所|住宅|建物|ハウジング)$/],
  ["retail_ec", /(?:商店|ストア|ショップ|マート|百貨店|スーパー|ドラッグ|リテイリング|リテール)$/],
  // Public bodies: a prefecture, city or ward, a ministry or agency, an election board, a council.
  // English names too (Waseda University, Japan Meteorological Agency).
  ["government", /(?:選挙管理委員会|裁判所|議会|役所|役場|警察|警察本部|警察署|県警|府警|道警|[都道府県市区町村]|省|庁|Agency|Ministry|Prefecture|City|Ward|Town|Village|Government|(?:Ward|City|Town|Village|Prefectural) ?Office|City ?Hall)$/],
  // Law, tax and accounting offices: professional services, which the vocabulary has no sector for.
  ["other", /(?:法律事務所|特許事務所|会計事務所|税理士事務所|司法書士事務所|行政書士事務所|社会保険労務士事務所|弁護士法人|税理士法人|監査法人|司法書士法人|行政書士法人|社会保険労務士法人|弁理士法人|土地家屋調査士法人)$/],
];

/**
 * Words a name may end with after what says its business (いろは住宅サービス, ほしのリゾート企画, 〇〇物流サービス, X Travel America):
 * the ending is read again without them, as weaker evidence.
 */
export const GENERIC_NAME_TAIL = /(?:サービス|サービシズ|企画|販売|開発|管理|ホールディングス|グループ|ジャパン|エンタープライズ|コーポレーション|Holdings|Group|Japan|America|USA|Europe|Asia|International)$/;

/** Public bodies named after their place: a centre, institute or office of a prefecture or city (鹿児島県森林技術総合センター). */
export const PUBLIC_BODY = /^(?:\S{1,4}[都道府県])?\S{1,6}?[都道府県市区町村](?:立)?\S{0,12}(?:センター|研究所|試験場|研究センター|事務所|局|機構)$/;

/** What a legal form says of the sector; weaker than the name's ending. */
export const LEGAL_FORM_SECTORS: readonly (readonly [Sector, RegExp])[] = [
  ["education", /学校法人|国立大学法人|公立大学法人/],
  ["medical", /医療法人/],
  ["association", /一般社団法人|公益社団法人|特定非営利活動法人|NPO法人|社会福祉法人|生活協同組合|\((?:一社|公社|特非|社福)\)/],
  ["government", /独立行政法人|国立研究開発法人/],
];

/**
 * Words of a notice's body that place the organisation, or the service the incident hit, in a
 * sector, with a weight. Kinds of business only: never a particular company's name.
 */
export const SECTOR_CUES: readonly (readonly [Sector, RegExp, number])[] = [
  ["health_insurance", /健康保険組合|国民健康保険|国保組合|健保組合|協会けんぽ|被保険者|健康保険の保険者|特定保健指導|保険証記号/, 3],
  ["medical", /(?<!動物)病院|クリニック|医院|診療所|医療法人|医療センター|検体検査|臨床検査|電子カルテ|薬局|歯科|看護|診療(?:科|業務|を)|健康診断|健診|人間ドック|健康づくり/, 3],
  ["education", /大学|高等学校|高校|中学校|小学校|学校|学園|教育委員会|幼稚園|保育園|予備校|専門学校|学習塾|塾|学習社|進学|教室|生徒|児童|教職員|教員|校長|受講|学生|学習サービス|eラーニング|通信教育|オンライン講座/, 2],
  // A public body speaking of itself: 県は, 市の職員, 庁外に持ち出し.
  ["government", /選挙管理委員会|[都道府県]庁|市役所|区役所|町役場|村役場|役所|自治体|官公庁|行政機関|[都道府県市区町村]議会|本市|本県|本町|本村|市民課|住民基本台帳|住民票|戸籍|公文書|開示請求|下水道|庁[内外]|(?<![\p{Script=Han}ァ-ヴ])[県市町](?:は|が|では|として|の(?:職員|ホームページ|内規|担当))|県民|市民の皆(?:様|さん)|町民|村民|消防局|水道局|来庁/u, 2],
  ["retail_ec", /ミールキット|定期便|注文履歴|ご注文|オンラインショップ|オンラインストア|通販|通信販売|ECサイト|ネットショップ|ショッピング|販売サイト|公式ストア|ウェブショップ|Webショップ|購入サイト|配送商品|商品の(?:発送|配送|お届け)|カード決済|商品を購入|で購入|量販店|小売|百貨店|ドラッグストア|衣料品|アパレル|ホームセンター|コンビニ|スーパーマーケット|(?<![ァ-ヴー])スーパー(?![ァ-ヴー])/, 3],
  // A bank account, a bank transfer are data and payments, not the sector; a payment or money-transfer service is.
  ["finance", /銀行(?!口座|名|振込|振り?込|引き?落)|信用金庫|信用組合|証券|生命保険|損害保険|保険会社|保険代理店|(?<!健康)保険(?:契約|金|料)|仮想通貨|暗号資産|信販|金融機関|ファイナンス|投資信託|信用情報|貸金|クレジットカード会社|ローン|消費者金融|(?:スマートフォン|スマホ|キャッシュレス|QRコード)決済|決済サービス|電子マネー|送金サービス/, 3],
  ["media", /新聞|地方紙|全国紙|業界紙|専門紙|フリーペーパー|情報誌|出版|(?<!ケーブル|有線)放送|(?<!ケーブル)テレビ|ラジオ|雑誌|各誌|定期購読|編集部|報道機関|書籍|(?<!メール)マガジン|メディア事業|日報|新報|タイムス|(?<!購)読者/, 3],
  ["it_service", /(?:クラウド型|SaaS型)|クラウド(?:サービス)?(?:大手|事業者|ベンダー|企業)|(?<!インターネット|接続|通信)(?:サービス|システム|ソフトウェア|アプリ)を提供する|IaaS|SaaS|PaaS|データセンター|情報処理|ソフトウェア|システム開発|ITサービス|ホスティング|クラウドサービス|システムズ|ソリューションズ|テクノロジーズ|データ消去|消去証明|記憶媒体|電子計算|インターネットサービス|ポータルサイト|検索(?:大手|サービス|エンジン|サイト)|システムインテグレータ|SIer|ソフトウェア開発|アプリ開発|受託|内定/, 2],
  ["logistics", /運輸|物流|宅配便|宅配業者|倉庫|運送|配送業|海運|港湾|引越|路線バス|高速バス|旅客運送|鉄道事業|タクシー事業/, 3],
  ["association", /生活協同組合|生協|共済|協同組合|連合会|協会|一般社団法人|公益社団法人|労働組合|NPO法人|特定非営利活動法人|学会|会員の皆様/, 2],
  ["leisure", /公園|スポーツ|フィットネス|トレーニングジム|ホテル|旅館|旅行|レジャー|施設予約|運動施設|映画館|劇場|美術館|博物館|ゲーム|娯楽|観光|テーマパーク|ゴルフ|チケット|コンサート|宿泊|球団|サッカー|バスケットボール|バレーボール|ラグビー|野球|試合|観戦|選手/, 2],
  ["real_estate", /不動産|マンション|住宅(?!ローン)|賃貸|売却|物件|仲介|土地|宅地建物|宅建/, 2],
  ["telecom", /通信事業者?(?!と連携|の協力)|携帯電話会社|モバイル通信|プロバイダ|ISP|WiMAX|光回線|コミュニケーションズ|通信会社|電気通信|携帯電話|格安SIM|通信サービス|ケーブルテレビ|CATV|インターネット接続サービス|販売代理店|通信の秘密|MVNO|ケーブルモデム|同軸インターネット|インターネットサービスを提供|データ通信/, 3],
  // Businesses the vocabulary has no sector for: consultancies.
  ["other", /コンサルティング|コンサル会社|コンサルタント/, 2],
  ["manufacturing", /メーカー|製造|工業|工場|製作所|電機|化成|化学|精工|精機|鉄工|電子部品|生産管理|生産ライン|自動車部品|部品|食品|印刷会社|印刷業|水産加工/, 2],
];

/**
 * English words of a description next to an organisation's name in a news report ("confectionery
 * company Chateraise Co.", "X, operator of the public pension program"): kinds of business only.
 */
export const ENGLISH_SECTOR_CUES: readonly (readonly [Sector, RegExp])[] = [
  ["medical", /\b(?:hospital|clinic|medical|pharmacy)\b/i],
  ["education", /\b(?:universit(?:y|ies)|college|school|academy)\b/i],
  ["finance", /\b(?:bank|insurer|insurance|securities|brokerage|credit card|lender|financial)\b/i],
  ["government", /\b(?:government|ministry|agency|prefectural|municipal|city office|public pension)\b/i],
  ["telecom", /\b(?:telecom(?:munications)?|mobile (?:carrier|operator)|internet service provider)\b/i],
  ["it_service", /\b(?:software|IT services?|cloud|internet portal|search engine)\b/i],
  ["retail_ec", /\b(?:retailer|supermarket|e-commerce|online (?:shop|store|retailer)|department store|convenience store)\b/i],
  ["logistics", /\b(?:logistics|shipping|delivery|courier|airline|railway)\b/i],
  ["leisure", /\b(?:travel agency|tour operator|hotel|resort|amusement|theme park)\b/i],
  ["media", /\b(?:newspaper|broadcaster|publisher|publishing)\b/i],
  ["manufacturing", /\b(?:manufacturer|maker|confectionery|factory|automaker|carmaker|electronics|chemical)\b/i],
];

/**
 * A shop the organisation says it runs, where the incident struck: "当協会が運営する通販サイト", "当社オンラインショップ",
 * "弊社が運営する「ほのか化粧品オンラインショップ」", "its online store".
 * The service gives the sector, whatever else the organisation does.
 */
export const OPERATED_SHOP = /(?:運営する|運営している|運営しております|運営の|当社|弊社|当店)(?:[「『][^」』\n]{0,20}?)?(?:の)?(?:通販|オンライン|EC|ネット|ウェブ|Web|WEB|公式)?(?:ショップ|ストア|通販サイト|ショッピングサイト|販売サイト)|\b(?:its|our) (?:online|e-?commerce|web) (?:store|shop)\b/;
