// A curated subset of the Public Suffix List (https://publicsuffix.org/): every ccTLD, the generic
// TLDs seen in notices and in phishing reports, the Japanese second-level domains and a few common
// multi-level suffixes. It is deliberately small and hand-kept: a host is only taken for a domain
// when it ends in one of these, which keeps file names (report.pdf) and code (Node.js) out.

const GENERIC = `
com net org info biz name pro edu gov mil int mobi asia tel travel jobs cat coop aero museum post
app dev page new zip mov foo how xyz top shop online site club store tech space website live life
world today news blog cloud email link click work ltd group company solutions services support agency
digital network systems center zone security finance money win bid vip icu buzz fun one cyou rest sbs
quest monster cfd lol best art design media press studio global social chat games game casino bet
poker loan loans credit bank insurance tokyo osaka nagoya yokohama kyoto okinawa ryukyu moe beer fit
guru ninja rocks wiki ink pics photo photos trade market review party science date download stream
racing men cam mom bond skin hair makeup beauty autos boats homes lat
`;

const COUNTRY = `
ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by
bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi
fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in
io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md
me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe
pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st
su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu
wf ws ye yt za zm zw
`;

const SECOND_LEVEL = `
co.jp ne.jp or.jp ac.jp ad.jp ed.jp go.jp gr.jp lg.jp
co.uk org.uk ac.uk gov.uk ltd.uk me.uk net.uk
com.au net.au org.au edu.au gov.au co.nz org.nz ac.nz
com.cn net.cn org.cn gov.cn edu.cn com.tw org.tw edu.tw com.hk org.hk co.kr or.kr ac.kr go.kr
com.sg edu.sg com.my com.ph co.th ac.th co.id co.in org.in com.br com.mx co.za com.tr com.vn com.ru
`;

/** Top-level names reserved for special use (RFC 2606 / RFC 6761): valid in text, never on the Internet. */
export const SPECIAL_USE_TLDS: ReadonlySet<string> = new Set(["test", "example", "invalid", "localhost"]);

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** Every suffix of the curated list, lower case, without a leading dot. */
export const PUBLIC_SUFFIXES: ReadonlySet<string> = new Set([
  ...words(GENERIC),
  ...words(COUNTRY),
  ...words(SECOND_LEVEL),
  ...SPECIAL_USE_TLDS,
]);

/** The longest listed suffix of a host (`www.example.co.jp` → `co.jp`), or null when none is listed. */
export function publicSuffixOf(host: string): string | null {
  const labels = host.toLowerCase().split(".");
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join(".");
    if (PUBLIC_SUFFIXES.has(suffix)) return suffix;
  }
  return null;
}

/** The registrable domain of a host: its public suffix plus one label (`a.b.co.jp` → `b.co.jp`), or null. */
export function registrableDomain(host: string): string | null {
  const h = host.toLowerCase();
  const suffix = publicSuffixOf(h);
  if (suffix === null || h === suffix) return null;
  const head = h.slice(0, h.length - suffix.length - 1).split(".");
  return `${head[head.length - 1]}.${suffix}`;
}
