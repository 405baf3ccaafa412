import { foldWidth } from "../../core/width.js";
import { matchesOf } from "../../extract/scan.js";
import { ipv4Octets, ipv6Groups } from "./ip.js";
import { publicSuffixOf } from "./public-suffixes.js";

/** The kinds of technical observable a notice can state. */
export const OBSERVABLE_KINDS = ["email", "url", "domain", "ipv4", "ipv6", "md5", "sha1", "sha256"] as const;
/** One kind of observable. */
export type ObservableKind = (typeof OBSERVABLE_KINDS)[number];

/** One observable written in a text, with its refanged value and where it stands. */
export interface Observable {
  kind: ObservableKind;
  /** Refanged (`hxxp`→`http`, `[.]`→`.`, `[at]`→`@`), host in lower case, hashes in lower case. */
  value: string;
  /** The words as written, `text.slice(start, end)` of the scanned text. */
  text: string;
  start: number;
  end: number;
  /** True when the author wrote it defanged (hxxp, [.], (at), [:] …). */
  defanged: boolean;
}

// Defanged separators, as regex source.
const DOT = String.raw`(?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\))`;
const AT = String.raw`(?:@|\[@\]|\(@\)|\[at\]|\(at\))`;
const COLON = String.raw`(?::|\[:\])`;
const LABEL = String.raw`[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?`;
const HOST = `${LABEL}(?:${DOT}${LABEL})+`;
// Masking characters allowed in an address's local part (○○@…, ***@…).
const MASK = "*○●〇◯×";

const EMAIL = new RegExp(String.raw`(?<![\w.%+\-${MASK}])[\w.%+\-${MASK}]+${AT}${HOST}(?![\w-]|${DOT}[a-z0-9])`, "gi");
const URL = new RegExp(
  String.raw`(?<![a-z0-9])(?:h(?:tt|xx)ps?|ftps?|fxp)${COLON}//(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)|\[:\]|\[[0-9a-f:.]+\]|[a-z0-9\-._~:/?#@!$&*+,;=%])+`,
  "gi",
);
// A domain written after a bare "@" ("「@gmai.com」宛に転送") is a mail domain; after an address's local part it is the address's.
const DOMAIN = new RegExp(String.raw`(?<![\w.\-${MASK}])(?<![\w.%+\-${MASK}]@)${HOST}(?![\w@-]|${DOT}[a-z0-9])`, "gi");
const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const IPV4 = new RegExp(String.raw`(?<![\w.])${OCTET}(?:${DOT}${OCTET}){3}(?!\w|\.\d|\[\.\]\d)`, "gi");
const IPV6 = new RegExp(String.raw`(?<![\w:.])(?:[0-9a-f]{0,4}${COLON}){2,8}[0-9a-f]{0,4}(?:\.\d{1,3}){0,3}(?![\w:]|\[:\])`, "gi");
const HASH = /(?<!\w)[0-9a-f]{32,64}(?!\w)/gi;
const HASH_KINDS: Readonly<Record<number, ObservableKind>> = { 32: "md5", 40: "sha1", 64: "sha256" };

const DEFANGED = /^(?:hxxp|fxp)|\[\.\]|\(\.\)|\[dot\]|\(dot\)|\[@\]|\(@\)|\[at\]|\(at\)|\[:\]/i;
// Bare names ending so are far more often file names than domains (setup.py, docs/PLAN.archive.md, files.zip).
const FILE_LIKE_TLDS = new Set(["zip", "mov", "py", "sh", "pl", "pm", "md", "rs", "so", "ps", "bz"]);
// A version number written before four dotted numbers (v1.2.3.4, バージョン 10.0.19041.1).
const VERSION_BEFORE = /(?:\bv|\bver\.?|version|バージョン|ヴァージョン)\s*$/i;

/** Undo defanging: `hxxp`→`http`, `fxp`→`ftp`, `[.]`/`(.)`/`[dot]`→`.`, `[@]`/`(at)`/`[at]`→`@`, `[:]`→`:`. */
export function refang(s: string): string {
  return foldWidth(s)
    .replace(/^hxxp/i, "http")
    .replace(/^fxp/i, "ftp")
    .replace(/\[\.\]|\(\.\)|\[dot\]|\(dot\)/gi, ".")
    .replace(/\[@\]|\(@\)|\[at\]|\(at\)/gi, "@")
    .replace(/\[:\]/g, ":");
}

/** True when a refanged host name ends in a listed public suffix (or a special-use name) below it. */
export function validHost(host: string): boolean {
  if (host === "localhost") return true;
  const suffix = publicSuffixOf(host);
  return suffix !== null && host.length > suffix.length;
}

/** The parts of a refanged URL: scheme, host (lower case, IPv6 without brackets), and what follows the host. */
export function urlParts(url: string): { scheme: string; host: string; rest: string } | null {
  const m = /^([a-z]+):\/\/(?:[^/?#@]*@)?(\[[0-9a-f:.]+\]|[^/?#:]*)(.*)$/i.exec(url);
  if (!m) return null;
  return { scheme: m[1]!.toLowerCase(), host: m[2]!.toLowerCase().replace(/^\[|\]$/g, ""), rest: m[3]! };
}

/** The host an observable names (email domain, URL host, the domain itself, an IP), or null for hashes. */
export function hostOf(o: Observable): string | null {
  switch (o.kind) {
    case "email": return o.value.slice(o.value.lastIndexOf("@") + 1);
    case "url": return urlParts(o.value)?.host ?? null;
    case "domain": case "ipv4": case "ipv6": return o.value;
    default: return null;
  }
}

// True when a host is a literal IP address rather than a name.
function isIpHost(host: string): boolean {
  return ipv4Octets(host) !== null || ipv6Groups(host) !== null;
}

function urlValue(raw: string): string | null {
  const value = refang(raw).replace(/^[a-z]+:\/\/[^/?#]*/i, (s) => s.toLowerCase());
  const host = urlParts(value)?.host;
  return host !== undefined && (isIpHost(host) || validHost(host)) ? value : null;
}

function emailValue(raw: string): string | null {
  const value = refang(raw);
  const at = value.lastIndexOf("@");
  const host = value.slice(at + 1).toLowerCase();
  return validHost(host) ? value.slice(0, at + 1) + host : null;
}

function domainValue(raw: string): string | null {
  const host = refang(raw).toLowerCase();
  if (!validHost(host) || host === "localhost") return null;
  return FILE_LIKE_TLDS.has(host.slice(host.lastIndexOf(".") + 1)) && !DEFANGED.test(raw) ? null : host;
}

function ipv6Value(raw: string): string | null {
  const value = refang(raw).toLowerCase();
  if (!ipv6Groups(value) || value === "::") return null;
  // Clock times and ratios (10:56, 1::2) are not addresses: an address of only short decimal groups must start with "::".
  if (!/[a-f]/.test(value) && !value.startsWith("::") && value.split(":").every((g) => /^\d{0,2}$/.test(g))) return null;
  return value;
}

/** Every email, URL, domain, IPv4/IPv6 address and MD5/SHA-1/SHA-256 hash in `text`, in order, without overlaps. */
export function scanObservables(text: string): Observable[] {
  const folded = foldWidth(text);
  const found: Observable[] = [];
  const add = (re: RegExp, kind: ObservableKind | ((raw: string) => ObservableKind | null), valueOf: (raw: string, at: number) => string | null) => {
    for (const m of matchesOf(re, folded)) {
      let raw = m[0];
      if (kind === "url") raw = raw.replace(/[.,;:!?]+$/, "");
      const k = typeof kind === "function" ? kind(raw) : kind;
      const value = k === null ? null : valueOf(raw, m.index);
      if (k === null || value === null) continue;
      const end = m.index + raw.length;
      found.push({ kind: k, value, text: text.slice(m.index, end), start: m.index, end, defanged: DEFANGED.test(raw) });
    }
  };
  add(URL, "url", urlValue);
  add(EMAIL, "email", emailValue);
  add(IPV6, "ipv6", ipv6Value);
  add(IPV4, "ipv4", (raw, at) => (VERSION_BEFORE.test(folded.slice(Math.max(0, at - 12), at)) ? null : refang(raw)));
  add(HASH, (raw) => HASH_KINDS[raw.length] ?? null, (raw) => (/\d/.test(raw) && /[a-f]/i.test(raw) ? raw.toLowerCase() : null));
  add(DOMAIN, "domain", domainValue);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Observable[] = [];
  for (const o of found) {
    const last = out[out.length - 1];
    if (last && o.start < last.end) continue;
    out.push(o);
  }
  return out;
}
