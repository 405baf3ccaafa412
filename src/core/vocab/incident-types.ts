import type { IncidentType } from "../types.js";

/** The organisation's own people, who may misuse what they handle: 従業員, 行員 (a bank's), 教員 (a school's), 巡査長 (the police's)… (a regex source). */
export const STAFF = "従業員|従業者|社員|職員|行員|オペレーター|教職員|教員|店員|スタッフ|派遣社員|契約社員|受託社員|アルバイト|作業員|警察官|巡査(?:部)?長|巡査|警部補|警部";

/** The people papers or mails meant for someone went to instead: 別の(世帯), 他の(納税者)… (a regex source). */
export const OTHER_PERSON = "(?:方|人|世帯|宛先|住所|患者|利用者|納税者|契約者|受給者|お客様|お客さま|顧客|取引先|会員|生徒|児童|園児|学生|保護者)";

/** Papers handed or sent to the wrong people: 誤交付, 誤封入 (into another's envelope), 誤投函 (into another's mailbox), 宛名ラベルの印字の誤り (a label printed with another's name), 別の世帯に送付, 他の患者に手渡し, "mistakenly sent", "attached the wrong file" (a regex source). */
export const MISDIRECTED = `(?:CC|Cc|TO|To|BCC|宛先)(?:欄)?(?:の)?誤用|誤交付|誤封入|誤投函|宛名(?:ラベル|シール)?(?:の)?(?:印字|印刷|貼付|貼り付け)?(?:に|の)?(?:誤り|誤っ|ミス|間違)|封入(?:作業)?(?:の)?(?:誤|ミス)|(?:(?:別|他)の|別人の)${OTHER_PERSON}(?:様|さま)?(?:に|へ)(?:誤って)?(?:送付|送信|発送|交付|郵送|手渡|配達|配布)|(?:別人|他人|別世帯|他世帯)(?:に|へ)(?:誤って)?(?:送付|送信|発送|交付|郵送|手渡|配達|配布)|本人以外(?:の方)?(?:に|へ)(?:誤って)?(?:交付|送付|郵送|手渡)|(?:他人|別人|異なる(?:方|人|者)|(?:別|他)の${OTHER_PERSON})の[^。\n]{0,20}(?:を|が|と)(?:重ねて)?(?:同封|封入)|[Mm]istakenly (?:sent|e-?mailed|mailed|delivered)|\\b(?:sent|mailed|delivered|mails?|sends?|went)\\b[^.\\n]{0,30}\\bto (?:the )?wrong (?:address(?:es)?|recipients?|households?|people|persons?|residents?|customers?)|[Mm]isdirected|(?:送信先|送付先|FAX番号|ファクス番号)(?:を|の)?(?:誤|間違)|[「『](?:CC|Cc|TO|To)[」』](?:欄)?(?:に入力して|を使用して|で)(?:一斉)?送信|(?:CC|Cc|TO|To)(?:欄)?(?:に入力して|を使用して|で)(?:一斉)?送信|\\battached (?:the )?wrong (?:file|spreadsheet|document|list|attachment)s?\\b|BCC(?:ではなく|でなく|にせず|とせず|を使わず)[^。\\n]{0,15}(?:TO|To|CC|Cc|宛先)`;

/**
 * Phrases that show an incident type, with how strongly each shows it and, for a weaker variant
 * of a type, its own heuristic name (the rule id is `incident_types/<name>`, else `incident_types/<type>`).
 * A type keeps the first entry that matches, so each type's strong phrases come before its weak ones.
 */
/** Code or keys put where anyone can read them: a public repository (公開のGitHubリポジトリに…置いていた, GitHub上で公開されていた). */
export const PUBLIC_REPOSITORY = String.raw`公開(?:の|された|設定の)\s?(?:GitHub|GitLab|Git|ソースコード)?\s?リポジトリ(?:に|へ|上に|上で)|(?:GitHub|GitLab|リポジトリ)\s?(?:上)?(?:に|で|へ)[^。、\n]{0,30}(?:公開され|公開して|公開状態|誰でも)`;

/** A loss told in English: "went missing", "Lost media", "a laptop was lost", "left a laptop on a train". */
export const LOST_IN_ENGLISH = String.raw`\bwent missing\b|\bleft (?:a |an |the |his |her |their )?(?:work |company |business )?(?:laptop|PC|bag|USB (?:stick|drive|memory)|smartphone|documents?|files?)s?\b[^.\n]{0,30}\b(?:on|in|at) (?:a |the )?(?:train|bus|taxi|restaurant|car|station)\b|\b[Ll]ost (?:media|devices?|laptops?|USB|documents?|files?|PCs?|smartphones?|records|tapes?|disks?)\b|\b(?:was|were|been) (?:lost|misplaced)\b`;

/** People's data sold on to a third party or a list broker: 「顧客情報を名簿業者に売却」 (a regex source). */
export const DATA_SOLD = String.raw`(?:情報|データ|名簿)[^。\n]{0,40}(?:第三者|名簿業者|業者)に(?:売却|転売|販売|売り渡)`;

/** One of the organisation's own people looking up or sending off data for no work of theirs: 私的に閲覧, 業務と関係なく…閲覧, 私用メールに送信 (a regex source). */
export const PRIVATE_USE = String.raw`私的に(?:閲覧|利用|使用|持ち出|照会)|業務(?:と|に)(?:は)?(?:関係|関連)(?:の)?(?:なく|ない)[^。\n]{0,30}(?:情報|記録|カルテ|台帳|データ|名簿|履歴)[^。\n]{0,6}(?:閲覧|照会|検索|持ち出)|私用(?:の)?(?:メール|アドレス|パソコン|PC|端末|スマートフォン)(?:アドレス)?(?:に|へ)[^。\n]{0,10}(?:送信|転送|保存|複製)(?:し|さ|$)`;

/** Data left where anyone could read it, told in English: "open to everyone", "publicly accessible" (a regex source). */
export const OPEN_TO_ANYONE = String.raw`\b(?:had been|has been|have been|was|were|been|left) open to (?:everyone|anyone|the public|all)\b|\b(?:could be|can be|was|were) (?:viewed|accessed|downloaded) by anyone\b|\bpublicly (?:accessible|viewable|readable|exposed)\b`;

/** One of the organisation's own people taking data, told in English: "a former employee had taken lists", "taken by a former employee" (a regex source). */
export const INSIDER_IN_ENGLISH = String.raw`\b(?:former |ex-)?(?:employee|staff member|worker|clerk)s? (?:had |has |have )?(?:taken|took|copied|removed|leaked|sold|misused|stolen|stole)\b|\b(?:taken|copied|removed|leaked|sold|stolen) by (?:a |an |the )?(?:former |ex-)?(?:employee|staff member|worker|clerk)s?\b`;

/** Credentials typed into a fake page, told in English: "typed their passwords into a fake login page" (a regex source). */
export const PHISHED_IN_ENGLISH = String.raw`\b(?:typed|entered|input|gave) (?:their |his |her |its )?(?:passwords?|credentials|IDs? and passwords?|login details) (?:into|on|in|to) (?:a |an )?(?:fake|phishing|bogus|spoofed|fraudulent)\b`;

/** Systems found encrypted: 「サーバーの暗号化が判明」, 「ファイルの暗号化を確認」, 「サーバーが暗号化されていることが判明」; in English, "had encrypted servers". */
export const FOUND_ENCRYPTED = String.raw`(?:ファイル|データ|サーバー?|PC|パソコン|システム|端末)(?:群)?の暗号化(?:が|を)(?:判明|確認|発見|検知)|(?:ファイル|データ|サーバー?|PC|パソコン|システム|端末)(?:群)?(?:の一部)?が暗号化されて(?:いる|いた|おり)|\b(?:had|has|have|was|were|been) encrypted (?:(?:its|the|their|some|several|many) )?(?:[a-z]+ )?(?:servers?|systems?|files|data|PCs|computers)\b`;

export const INCIDENT_TYPE_PHRASES: readonly (readonly [IncidentType, RegExp, number, string?])[] = [
  // The attacker as the subject too: 「何者かが…データを暗号化した」 (an organisation encrypting its own data says no attacker).
  ["ransomware", /ランサム(?:ウェア|ウエア)?|身代金|暗号化ウ[イィ]ルス|(?:ファイル|データ|サーバー?|PC|パソコン)(?:の一部)?(?:が|を)暗号化され|(?:第三者|何者か|攻撃者|犯人)(?:が|は|により|によって)[^。\n]{0,80}(?:ファイル|データ|サーバー?)(?:の一部)?(?:を|が)暗号化|ransomware/i, 0.95],
  ["ransomware", new RegExp(FOUND_ENCRYPTED), 0.85, "found-encrypted"],
  // "カード情報が保存されるよう改変": a shop's code altered to keep or send card data.
  ["web_skimming", /(?:決済|ペイメント|カード情報入力|支払い?)(?:画面|ページ|アプリケーション|フォーム|システム|モジュール)?[^。\n]{0,15}(?:改ざん|改竄)|(?:改ざん|改竄|改変)[^。\n]{0,20}(?:決済|カード情報|ペイメント)|カード情報(?:が|を)[^。\n]{0,15}(?:改ざん|改竄|改変)|スキミング|カード情報を(?:窃取|抜き取)|カード情報(?:が|を)[^。\n]{0,10}不正に[^。\n]{0,15}(?:保存|送信|取得|抜き取)|\b(?:payment|checkout|card) (?:page|form|screen)s?\b[^.\n]{0,30}\b(?:altered|modified|tampered|manipulated)\b|\b(?:altered|modified|tampered with)\b[^.\n]{0,30}\b(?:payment|checkout) (?:page|form)|\bskimm(?:ing|er)\b|Magecart/i, 0.9],
  ["credential_stuffing", /リスト型|パスワードリスト|クレデンシャル\s?スタッフィング|(?:他社|他の)(?:サービス|サイト)(?:等)?から(?:流出|漏えい|漏洩)した(?:と(?:思われる|みられる|考えられる|推測される))?(?:ID|パスワード|ログイン)|(?:外部|他社|他の(?:サービス|サイト))(?:サービス|サイト)?(?:等)?(?:で|から)(?:不正に)?(?:取得|入手)(?:した|された)?(?:と(?:思われる|みられる|考えられる))?(?:ID|メールアドレス|パスワード|ログイン)|credential[- ]stuffing|\b(?:passwords|credentials|login details) (?:stolen|leaked|obtained) (?:elsewhere|from other (?:services|sites|companies))|\breused (?:passwords|credentials)/i, 0.9],
  // Sign-ins with IDs and passwords a third party got hold of somewhere (「第三者が不正に入手したIDとパスワードを用いて」): a list attack, as notices use the words.
  ["credential_stuffing", /(?:第三者|何者か)が(?:何らかの方法で|不正に|外部で)?(?:入手|取得)した(?:と(?:思われる|みられる|推測される))?(?:お客様の|お客さまの|会員の|利用者の)?(?:ログイン)?(?:ID|メールアドレス)(?:と|及び|および|・|や)(?:ログイン)?パスワード/, 0.6, "obtained-credentials"],
  // The intruder as the subject too: 「何者かが当社サーバーに侵入し」.
  ["unauthorized_access", /不正(?:な)?アクセス|不正(?:な)?ログイン|不正(?:な)?サインイン|不正な遠隔操作|不正通信|不正侵入|侵入され|(?:第三者|何者か|攻撃者|犯人)(?:が|は|により|によって)[^。\n]{0,40}(?:侵入し|入り込)|サイバー攻撃により[^。\n]{0,10}侵入|ハッキング|不正に(?:アクセス|ログイン|サインイン|操作|侵入)|脆弱性を(?:突|つ)|(?:データベース|サーバー?|システム|ネットワーク)[^。\n]{0,6}(?:に|へ)(?:不正に)?アクセスされ|ブルートフォース|総当たり攻撃|辞書攻撃|SQLインジェクション|クロスサイトスクリプティング|OSコマンドインジェクション|unauthori[sz]ed (?:[a-z]+ ){0,3}access|hack(?:ed|ers?)\b|\b(?:VPN |network |server )?intrusions?\b|\b(?:unknown|unauthori[sz]ed|malicious|third|outside|criminal) (?:party|parties|actors?|individuals?|persons?|attackers?)\b[^.\n]{0,30}\b(?:gained access|accessed|entered|infiltrated|broke into)\b|\bgained (?:unauthori[sz]ed )?access to\b|\b(?:servers?|systems?|networks?|databases?) (?:was|were|had been|has been|have been) breached\b|\bnetwork intrusion\b|\b(?:accessed|viewed|acquired|copied|obtained) without (?:authori[sz]ation|permission)\b/i, 0.9],
  // "攻撃を受け", "遠隔操作され": an attack whose kind the notice may name elsewhere (ransomware, a scam).
  ["unauthorized_access", /サイバー攻撃を受け|攻撃を受け|遠隔操作され|cyber-?attack/i, 0.6, "attack-unspecified"],
  // A server or mailbox used to send spam or attacks on others was broken into (踏み台, 迷惑メールの送信に悪用).
  ["unauthorized_access", /(?:サーバー?|メールアカウント|アカウント|システム)[^。\n]{0,12}(?:迷惑メール|スパムメール|スパム|不審なメール|攻撃)(?:の)?(?:送信|配信)?に(?:悪用|不正(?:に)?(?:利用|使用))され/, 0.7, "abused-as-relay"],
  // Data taken by a malicious outsider, the way in unsaid ("悪意の第3者の手により流出").
  ["unauthorized_access", /悪意(?:の|ある)第(?:三|3)者[^。\n]{0,10}(?:により|によって|の手により|の手で)[^。\n]{0,10}(?:流出|漏えい|漏洩|窃取)/, 0.65, "taken-by-outsider"],
  // Crypto-assets sent out of an exchange's wallet without its consent: its keys or systems were broken into.
  ["unauthorized_access", /(?:暗号資産|仮想通貨|ウォレット)[^。\n]{0,30}(?:不正(?:に)?(?:流出|送金|送付|引き出|移転)|(?:外部|第三者)に(?:不正に)?送(?:金|付)され)/, 0.7, "crypto-drained"],
  ["account_takeover", /乗っ取|乗取|のっとり|\baccount takeovers?\b|\baccounts? (?:had been |was |were |have been )?(?:hijacked|taken over)|\bhijacked\b[^.]{0,30}\baccounts?\b|(?:第三者|何者か|攻撃者)(?:が|により|によって)[^。\n]{0,20}不正に(?:ログイン|サインイン)|アカウント[^。\n]{0,20}(?:不正(?:に)?(?:使用|利用|アクセス|ログイン|サインイン)|踏み台|悪用され)|不正(?:使用|利用|アクセス|ログイン)[^。\n]{0,6}(?:された)?[^。\n]{0,4}アカウント|踏み台(?:に|と)?(?:され|した|して|として)[^。\n]{0,20}(?:メール|迷惑|スパム)|ログインを許し|なりすましログイン|アカウントが(?:第三者|何者か)|不正(?:に)?ログインされた[^。\n]{0,8}(?:ID|アカウント)|(?:口座|アカウント)(?:へ|に)の不正(?:アクセス|ログイン)|(?:アカウント|メール|365)\s?の\s?認証情報(?:が|を)(?:不正に)?(?:窃取|盗まれ|盗取|詐取)|アカウント(?:の|を)なりすまし|(?:アカウント|メールアドレス)の?パスワードが(?:解読|窃取|盗まれ|推測)|SMTP認証を(?:通過|突破)/, 0.85],
  ["phishing", /フィッシング(?!対策協議会)|ビジネスメール詐欺|標的型(?:攻撃)?メール|標的型攻撃|(?:業者|会社|銀行|事業者|通販サイト)を(?:装|騙|かた)った(?:SMS|ショートメッセージ|メッセージ)|(?:取引先|経営者|社長|役員)を(?:装|かた|騙)[^。\n]{0,20}(?:メール|依頼|指示)|\bBEC\b|偽の請求書|偽サイト|偽のサイト|偽装サイト|偽(?:の)?ログイン|(?:支払い?方法|アカウント(?:情報)?|パスワード|カード情報|お支払い情報)(?:を|の)(?:更新|確認|再設定|変更)して(?:ください|下さい)|phishing/i, 0.85],
  // Mails that pretend to come from the organisation: a phishing run, unless its own PCs or accounts sent them.
  ["phishing", /(?:当社|弊社|当院|当行|本学|当協会|当法人|当組合|当市|当館|当店|当センター|当財団|本会|当会)(?:の(?:名前|名称|名|職員|社員|従業員|役員|代表者?|関係者|担当者|ロゴ)|名|(?:および|及び)[^。\n]{0,10})?(?:を|の名を)(?:装|かた|騙|名乗)[^。\n]{0,20}(?:メール|SMS|メッセージ|サイト|電話)|を(?:装|騙|かた)った(?:[^。\n]{0,4})?(?:迷惑|不審|詐欺|なりすまし)?メール|(?<!アカウント(?:の|による)?)なりすましメール|詐欺メール/, 0.8, "phishing-impersonation"],
  ["phishing", new RegExp(PHISHED_IN_ENGLISH), 0.85, "credentials-typed-in"],
  ["malware", /マルウ[ェエ]ア|ウ[イィ]ルス(?!対策|チェック|スキャン|定義|バスター)|Emotet|エモテット|トロイの木馬|バックドア|スパイウェア|情報窃取型|malware|virus/i, 0.8],
  // Code planted in a page or a shop: often the defacement or the skimming itself.
  ["malware", /不正(?:な)?プログラム|悪意のある(?:プログラム|ソフトウェア)|(?:暗号資産|仮想通貨)?(?:の)?マイニング(?:用の?)?(?:プログラム|ツール|ソフト)|クリプトジャッキング/, 0.6, "malicious-program"],
  ["misdelivery", new RegExp(`誤送信|誤送付|誤発送|${MISDIRECTED}|\\b(?:sent|delivered|e-?mailed) to (?:all (?:\\d[\\d,]* )?(?:followers|accounts|members|recipients|subscribers)|the wrong|wrong|an unintended)\\b|(?:別|他)の${OTHER_PERSON}の[^。\\n]{0,20}(?:同封|封入)|(?:重なった|重ねた|紛れた|混入した)まま(?:交付|送付|郵送|発送|手渡)|誤配(?:送|信|布|達)?|誤って[^。\\n]{0,20}(?:送信|送付|発送|配布|交付|郵送|FAX|添付|転送|手渡|渡し)|宛先(?:を)?(?:誤|間違)|宛先の(?:入力|指定|設定|選択)を(?:誤|間違)|誤った(?:宛先|送付先|住所|相手先?|メールアドレス)(?:に|へ|宛て?に)[^。\\n]{0,10}(?:送信|送付|発送|郵送|配布|交付|転送)|誤FAX|BCCで送信すべき|BCC\\)?(?:と|で送信)すべきところ|BCC[^。\\n]{0,12}(?:送信|送付)すべきところ|[(（「]?(?:TO|To|CC|Cc|宛先)[)）」]?(?:欄)?\\s?(?:で|にて|に入力して|に入力し)\\s?送信|(?:相互|互い)に(?:見える|閲覧できる|確認できる)(?:形|状態)|(?:他の|ほかの)受信者(?:の方)?(?:に|から)(?:表示|見える|閲覧でき|確認でき)|(?:別人|(?:別|他)の${OTHER_PERSON})(?:\\s?[(（][^)）\\n]{0,10}[)）])?\\s?(?:宛|あて)`), 0.9],
  // A setting at fault: the cause, even of an attack it let in ("セキュリティ設定の不備", "構成の不備").
  ["misconfiguration", /(?:設定|構成)(?:に|の)?(?:不備|ミス|誤り|漏れ)|設定を誤|誤った設定|不適切な設定|誤設定|公開設定|アクセス制限(?:が|の)?(?:不備|されていな|かかっていな|ない|無い|なし)/, 0.8],
  // Data left open ("閲覧できる状態", "ダウンロードできる状況"): a setting at fault unless an attack explains it.
  ["misconfiguration", new RegExp(String.raw`(?:閲覧|ダウンロード|アクセス|参照)(?:が|も)?(?:可能な|できる)状(?:態|況)|誰でも閲覧|認証なしで|インターネット上に公開され|公開状態(?:に|と)な|${OPEN_TO_ANYONE}`), 0.7, "exposed"],
  ["misconfiguration", new RegExp(PUBLIC_REPOSITORY), 0.75, "public-repository"],
  // 誤廃棄 (thrown away by mistake) is a loss of the records.
  ["loss", new RegExp(LOST_IN_ENGLISH), 0.85, "lost-in-english"],
  ["loss", /紛失|置き忘れ|置忘れ|所在不明|所在が(?:分から|わから)|見当たらな|保管されていないこと|(?<=[がもは])(?:無くな(?:り|っ)|なくなっ(?:た|てい))|誤廃棄|誤って(?:[^。、\n]{0,10}?(?:として|を|で))?(?:廃棄|処分|破棄)/, 0.9],
  ["theft", /盗難|窃盗|車上(?:荒らし|ねらい)|ひったくり|置き引き|空き巣/, 0.9],
  // "盗まれた": a stolen bag or device, or data taken in an attack (then it is the attack); not what was stolen
  // elsewhere and used here (盗まれたクレジットカード情報を使った不正注文).
  ["theft", /盗まれ(?!た[^。、]{0,16}を(?:使|利用|用い|悪用))|盗み出され/, 0.7, "stolen"],
  // A skimmer fitted to a card reader (a fuel pump's, a shop's terminal) copies the cards put into it.
  ["theft", /スキマー|スキミング|(?:カード|磁気)(?:の)?(?:情報|データ)を(?:不正に)?読み取る(?:装置|機器)/, 0.75, "card-skimmer"],
  // A staff member who misused access: a former employee taking data, viewing outside their duties.
  ["insider", new RegExp(String.raw`内部不正|目的外(?:閲覧|利用)|業務外(?:で|の)?(?:の)?(?:閲覧|アクセス|照会|不適切)|業務(?:上の)?(?:必要|目的)(?:が|も)?(?:ない|なく)[^。\n]{0,30}(?:閲覧|アクセス|照会)|(?:元|退職した)(?:営業)?(?:${STAFF})[^。\n]{0,20}(?:により|によって|による|が)[^。\n]{0,60}(?:持ち出|不正(?:に|な)取得|持ち去|退職後[^。\n]{0,30}(?:ログイン|アクセス)し)|(?:本来|業務)(?:の目的)?とは異なる目的で(?:使用|利用)|(?:元)?出向(?:者|社員)(?:が|による|により)[^。\n]{0,30}(?:漏えいし|漏洩し|持ち出|受け渡)|(?:${STAFF}|委託先の(?:従業員|社員))(?:であった|である|だった)?(?:者|人物)?(?:[(（][^)）\n]{0,30}[)）])?(?:\d{1,3}名)?(?:による|により|によって|が)(?:[^。\n]|。[)）」』]){0,100}?(?:不正(?:な|に)(?:持ち出|取得|複製|閲覧|アクセスし(?!た者))|不適(?:切|正)な(?:閲覧|照会|持ち出)|業務上の必要(?:が|も)?ない[^。\n]{0,30}閲覧|無断で(?:閲覧|照会|アクセス|複製|コピー|提供|第三者)|私的に|私用の|撮影し|(?:SNS|ソーシャルメディア|インスタグラム|ブログ)[^。\n]{0,12}(?:に|へ|上で|上に)[^。\n]{0,10}?投稿|転売|窃盗|横領|売却|アップロードし|漏えいさせ|(?:持ち出し|書き写し|撮影し|コピーし)[^。\n]{0,30}(?:知人|第三者|外部|他社)[^。\n]{0,20}に(?:提供|渡|譲渡|売却)|なりすまし[^。\n]{0,40}(?:閲覧|不正アクセス)|持ち出し(?:た|て)?(?:[^。\n]{0,30})(?:転職|競合|利用して|悪用|提供|販売))|(?:${STAFF})による(?:[^。\n]{0,20})(?:持ち出し|窃盗|転売|情報漏えい|不正)|(?:${STAFF})[^。\n]{0,40}(?:着服|横領|不正(?:に)?流用)|不祥事件`), 0.85],
  // Customer data sold on ("当該情報の一部を第三者に売却"): someone inside took it.
  ["insider", new RegExp(DATA_SOLD), 0.7, "data-sold"],
  ["insider", new RegExp(PRIVATE_USE), 0.8, "private-use"],
  ["insider", new RegExp(INSIDER_IN_ENGLISH), 0.7, "staff-took-data"],
  // Staff, or former staff, arrested or charged (「元職員の男を不正アクセス禁止法違反の疑いで逮捕」): misuse from within.
  ["insider", new RegExp(String.raw`(?:元|前)?(?:${STAFF})(?:の(?:男|女)(?:性)?)?(?:[(（][^)）\n]{0,10}[)）])?[^。\n]{0,40}(?:疑いで|容疑で)(?:逮捕|書類送検)|(?:逮捕|書類送検)(?:された|されたの)は[^。\n]{0,20}(?:元|前)?(?:${STAFF})|(?:疑い|容疑)で[^。\n]{0,30}(?:${STAFF})(?:[(（][^)）\n]{0,10}[)）])?を(?:逮捕|書類送検)`), 0.7, "arrested-staff"],
  ["ddos", /(?<![A-Za-z])DDoS|(?<![A-Za-z])DoS攻撃|サービス妨害|大量(?:の)?(?:データ|アクセス|通信|パケット)(?:送信)?[^。\n]{0,20}(?:攻撃|負荷)|(?:外部|第三者|何者か)から大量(?:の)?(?:データ|アクセス|通信|パケット|リクエスト)を(?:受け|送りつけられ)/i, 0.9],
  // A web page changed, not any file or record ("データが改ざんされた" is no defacement).
  ["defacement", /(?:ホームページ|ウェブサイト|Webサイト|WEBサイト|サイト|ページ)[^。\n]{0,15}(?:改ざん|改竄|書き換え(?:られ|され))|(?:改ざん|改竄)され(?:た|ていた)?(?:ページ|サイト|ホームページ|ウェブ|コンテンツ)|(?:ホームページ|ウェブサイト|Webサイト|サイト|ページ)[^。\n]{0,12}(?:不正な|不適切な|悪意のある)(?:URL|リンク|スクリプト)|(?:不正な|不適切な|悪意のある)(?:URL|リンク|スクリプト)(?:リンク)?[^。\n]{0,4}(?:が|を)(?:組み込|埋め込|挿入|仕込)/, 0.8],
  // A fake warning with a number to call: "表示された連絡先に電話し", "「ウイルスに感染した」と警告".
  ["support_scam", /サポート詐欺|偽(?:の)?(?:警告|セキュリティ警告)|警告(?:画面|音)[^。\n]{0,60}(?:電話|連絡先)|遠隔操作(?:ソフト|アプリ)[^。\n]{0,20}(?:インストール|導入)|表示された(?:連絡先|電話番号|番号)に(?:電話|連絡)|「[^」\n]{0,30}(?:ウ[イィ]ルス|感染|警告)[^」\n]{0,30}」(?:と|という)(?:の)?(?:警告|表示|メッセージ)/, 0.9],
  // A fault of the system itself, the cause of what went wrong (a leak it caused stays one).
  ["system_failure", /システム(?:の|上の)?(?:異常|不具合|誤作動|誤動作|エラー)|ソフトウェア(?:の)?(?:不良|不具合|バグ)|プログラム(?:の)?(?:不具合|誤り|バグ)/, 0.75],
  // An outage: what a failure, an attack or a loss shows.
  ["system_failure", /障害(?!者|児|福祉|年金|手当|基礎|厚生|支援|保健)|故障|システム(?:の)?停止|不具合|停止事案|つながりにくい|利用できない状況/, 0.6, "outage"],
  ["regulatory_action", /(?:個人情報保護委員会|総務省|金融庁|経済産業省|厚生労働省|文部科学省|国土交通省|消費者庁|監督官庁|知事)[^。\n]{0,40}(?:勧告|指導|命令|行政処分|業務改善命令)|行政上の対応|個人情報保護法[^。\n]{0,20}に基づく(?:指導|勧告|命令)|勧告・指導/, 0.9],
  // Data handed to the wrong party; a delivery error when the notice says it was sent (see the rule).
  ["other", /誤提供|誤って(?:[^。\n]{0,6})?提供/, 0.6, "misprovision"],
  ["other", /誤掲載|誤公開|誤表示|誤登録|誤交付|誤記載|誤請求|不適切な(?:取扱い|取り扱い)|目的外利用|同意を得ずに|無断で(?:第三者に)?提供|\b(?:mistakenly|accidentally|inadvertently) (?:posted|posts|published|publishes)\b/, 0.6],
];
