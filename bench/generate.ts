// Synthetic notices from the team's own templates, for the benchmark and stress tests.
// Deterministic: the same seed gives the same notices.

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAME_A = ["あおば", "さくら", "みなと", "ひかり", "つばさ", "かえで", "いずみ", "すばる", "あさひ", "こだま", "ほしぞら", "やまびこ"];
const NAME_B = ["商事", "システムズ", "物流", "出版", "食品", "工業", "ホールディングス", "ネットサービス", "不動産", "トラベル"];
const KIND = [
  { title: "不正アクセスによる個人情報漏えいに関するお詫びとお知らせ", body: "第三者による不正アクセスを受け、お客様の個人情報が漏えいした可能性があることが判明しました。原因はWebサーバーの脆弱性を突いた攻撃です。" },
  { title: "ランサムウェア被害に関するお知らせ", body: "当社のファイルサーバーがランサムウェアに感染し、一部のファイルが暗号化されたことを確認しました。直ちにネットワークを遮断しました。" },
  { title: "メール誤送信による個人情報の流出について", body: "従業員がお客様へのメールを送信する際、宛先をBCCにすべきところを誤ってTOで送信し、メールアドレスが他の受信者に表示されました。" },
  { title: "個人情報を含むUSBメモリの紛失について", body: "従業員が業務で使用していたUSBメモリを紛失したことが判明しました。現在も捜索を続けています。" },
  { title: "公式SNSアカウントの乗っ取りについて", body: "当社公式アカウントが第三者に乗っ取られ、不審なメッセージが送信されていることを確認しました。" },
  { title: "オンラインショップへの不正アクセスについて", body: "運営するオンラインショップの決済画面が改ざんされ、クレジットカード番号、有効期限、セキュリティコードが流出した可能性があります。" },
];
const DATA = ["氏名", "住所", "電話番号", "メールアドレス", "生年月日", "性別", "会員番号", "ログインID", "パスワード"];
const FILLER = [
  "お客様をはじめ関係者の皆様に多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。",
  "現在、外部の専門機関に調査を依頼しており、新たな事実が判明した場合は速やかにお知らせいたします。",
  "当社は今回の事態を重く受け止め、情報セキュリティ対策の一層の強化に努めてまいります。",
  "対象となるお客様には、電子メールまたは郵送にて個別にご連絡いたします。",
  "不審なメールや電話があった場合は、個人情報を伝えないようご注意ください。",
];

// Names keep their notices apart as real names do, in letters: the i-th company is …トラベル + i written in kana.
const KANA_DIGITS = "アイウエオカキクケコ";

/** `i` written with ten katakana for digits (12 → イウ). */
function kanaNumber(i: number): string {
  return [...String(i)].map((d) => KANA_DIGITS[Number(d)]).join("");
}

/** One synthetic notice (UTF-8 text) and the facts it was built from. */
export interface Synthetic {
  text: string;
  organization: string;
  count: number;
}

/** The i-th synthetic notice of a seeded series. */
export function synthetic(i: number, seed = 1): Synthetic {
  const r = rng(seed * 1_000_003 + i);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const org = `株式会社${pick(NAME_A)}${pick(NAME_B)}${kanaNumber(i)}`;
  const kind = pick(KIND);
  const y = 2019 + Math.floor(r() * 7);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 27);
  const count = 10 + Math.floor(r() * 90_000);
  const data = DATA.filter(() => r() < 0.5).join("、") || "氏名";
  const filler = Array.from({ length: 2 + Math.floor(r() * 5) }, () => pick(FILLER)).join("\n");
  const text = [
    `${y}年${m}月${d + 1}日`,
    org,
    "",
    kind.title,
    "",
    `${y}年${m}月${d}日、${kind.body}`,
    `漏えいした可能性のある情報は、お客様約${count.toLocaleString("en-US")}名の${data}です。`,
    filler,
    `個人情報保護委員会へ報告するとともに、所轄の警察署に相談しております。`,
    "",
  ].join("\n");
  return { text, organization: org, count };
}
