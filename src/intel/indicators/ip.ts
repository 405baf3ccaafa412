// Parsing and range tests for IPv4 and IPv6 addresses written in plain (refanged) form.

const OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The four octets of a dotted IPv4 address (no leading zeros, each ≤ 255), or null. */
export function ipv4Octets(s: string): [number, number, number, number] | null {
  const parts = s.split(".");
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return null;
  const [a, b, c, d] = parts.map(Number) as [number, number, number, number];
  return [a, b, c, d];
}

/** True when IPv4 `s` lies in `base/bits` (`inIpv4Range("203.0.113.9", "203.0.113.0", 24)`). */
export function inIpv4Range(s: string, base: string, bits: number): boolean {
  const a = ipv4Octets(s), b = ipv4Octets(base);
  if (!a || !b) return false;
  const num = (o: number[]) => o.reduce((n, x) => n * 256 + x, 0);
  const size = 2 ** (32 - bits);
  return Math.floor(num(a) / size) === Math.floor(num(b) / size);
}

/** The eight 16-bit groups of an IPv6 address (full, `::`-compressed, or with an IPv4 tail), or null. */
export function ipv6Groups(s: string): number[] | null {
  let body = s.toLowerCase();
  let tail: number[] = [];
  const v4 = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(body);
  if (v4) {
    const o = ipv4Octets(v4[1]!);
    if (!o) return null;
    tail = [o[0] * 256 + o[1], o[2] * 256 + o[3]];
    body = body.slice(0, v4.index);
    if (body.endsWith(":")) body += ":";
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (h: string): string[] => (h === "" ? [] : h.split(":"));
  const head = groupsOf(halves[0]!), rest = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (![...head, ...rest].every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const written = head.length + rest.length + tail.length;
  if (halves.length === 2 ? written > 7 : written !== 8) return null;
  const zeros = new Array<string>(8 - written).fill("0");
  return [...head, ...zeros, ...rest].map((g) => parseInt(g, 16)).concat(tail);
}

/** True when IPv6 `s` starts with the `bits`-bit prefix of `base` (`inIpv6Range(x, "2001:db8::", 32)`). */
export function inIpv6Range(s: string, base: string, bits: number): boolean {
  const a = ipv6Groups(s), b = ipv6Groups(base);
  if (!a || !b) return false;
  for (let i = 0, left = bits; left > 0; i++, left -= 16) {
    const mask = left >= 16 ? 0xffff : (0xffff << (16 - left)) & 0xffff;
    if ((a[i]! & mask) !== (b[i]! & mask)) return false;
  }
  return true;
}

/** The RFC 5952 text of an IPv6 address: lower case, no leading zeros, the longest zero run as `::`. */
export function canonicalIpv6(s: string): string | null {
  const g = ipv6Groups(s);
  if (!g) return null;
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j > i ? j : i + 1;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}
