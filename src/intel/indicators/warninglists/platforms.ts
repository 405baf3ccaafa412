import { hostOf, urlParts, type Observable } from "../observables.js";
import { listedParent, type Warninglist } from "./list.js";

// Services whose every host is their own. Tenant hosting (github.io, amazonaws.com, web.app …) is
// left out on purpose: a subdomain there names the tenant, who may be the attacker.
const PLATFORMS: ReadonlySet<string> = new Set([
  "google.com", "google.co.jp", "youtube.com", "youtu.be", "microsoft.com", "microsoftonline.com",
  "office.com", "office365.com", "apple.com", "amazon.co.jp", "amazon.com", "twitter.com", "x.com",
  "instagram.com", "facebook.com", "fb.com", "threads.net", "tiktok.com", "line.me", "linkedin.com",
  "github.com", "gitlab.com", "cloudflare.com", "dropbox.com", "box.com", "wikipedia.org",
  "yahoo.co.jp", "rakuten.co.jp", "note.com", "ameblo.jp", "zoom.us", "slack.com", "paypal.com",
  "netflix.com", "adobe.com", "bing.com",
]);

/** The listed platform domain a host belongs to (`www.instagram.com` → `instagram.com`), or null. */
export function platformDomain(host: string): string | null {
  return listedParent(host, PLATFORMS);
}

// Only the bare domain, the site's root URL and the platform's own mailboxes are listed: a URL with
// a path (an account page) is specific, and a hijacked account there is the attacker's.
/** Major platforms whose domain, root page or own mailbox alone never identifies an attacker. */
export const platformsList: Warninglist = {
  name: "platforms",
  description: "Major platforms and services; their domain, root page or own mailbox identifies no one",
  match(o: Observable): string | null {
    const host = hostOf(o);
    const parent = host === null ? null : platformDomain(host);
    if (parent === null) return null;
    if (o.kind === "url" && !/^(?::\d+)?\/?$/.test(urlParts(o.value)?.rest ?? "")) return null;
    return `${parent} is a major platform`;
  },
};
