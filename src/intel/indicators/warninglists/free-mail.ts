import { hostOf, type Observable } from "../observables.js";
import { listedParent, type Warninglist } from "./list.js";

const FREE_MAIL: ReadonlySet<string> = new Set([
  "gmail.com", "googlemail.com", "yahoo.co.jp", "yahoo.com", "ybb.ne.jp", "outlook.com", "outlook.jp",
  "hotmail.com", "hotmail.co.jp", "live.com", "live.jp", "msn.com", "icloud.com", "me.com", "mac.com",
  "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "ymobile.ne.jp",
  "aol.com", "aol.jp", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.net", "mail.com",
  "yandex.ru", "yandex.com", "mail.ru", "qq.com", "163.com", "126.com", "zoho.com", "tutanota.com",
  "nifty.com", "biglobe.ne.jp", "ocn.ne.jp",
]);

// The domain alone says nothing about who is behind an address; an address there (a phishing
// sender at gmail.com) is still specific, still an indicator, and still links incidents.
/** Free web-mail and mobile-carrier mail providers. */
export const freeMailList: Warninglist = {
  name: "free-mail",
  description: "Free web-mail and mobile-carrier mail domains anyone can get an address at",
  match(o: Observable): string | null {
    const host = hostOf(o);
    const parent = host === null ? null : listedParent(host, FREE_MAIL);
    return parent === null ? null : `${parent} is a free or carrier mail provider`;
  },
};
