import { useEffect, useState } from "preact/hooks";

/** The UI languages; Japanese is the default. */
export const LANGS = ["ja", "en"] as const;
/** One UI language. */
export type Lang = (typeof LANGS)[number];
/** One area's messages: key → text, `{name}` marks a variable. */
export type Messages = Record<string, string>;
/** A message catalog file: `web/src/messages/<area>.ts`. */
export interface Catalog {
  ja: Messages;
  en: Messages;
}

const modules = import.meta.glob<{ default: Catalog }>("./messages/*.ts", { eager: true });

/** Every message by language, merged from the per-area catalogs. */
export const MESSAGES: Record<Lang, Messages> = { ja: {}, en: {} };
for (const m of Object.values(modules)) {
  Object.assign(MESSAGES.ja, m.default.ja);
  Object.assign(MESSAGES.en, m.default.en);
}

const STORAGE_KEY = "jikenbo.lang";
const listeners = new Set<() => void>();

function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === "en" || saved === "ja" ? saved : "ja";
}

let current: Lang = initialLang();
document.documentElement.lang = current;

/** The current UI language. */
export function lang(): Lang {
  return current;
}

/** Switch the UI language (remembered in this browser); every component using `useLang` re-renders. */
export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  for (const f of listeners) f();
}

/** The message `key` in the current language with `{var}`s filled in (the key itself when missing, so gaps show). */
export function t(key: string, vars?: Record<string, string | number>): string {
  const text = MESSAGES[current][key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

/** The label of a vocabulary term (`vocab.<kind>.<value>`), else the value itself. */
export function term(kind: string, value: string): string {
  const key = `vocab.${kind}.${value}`;
  return MESSAGES[current][key] ?? value;
}

/** A number in the current language's notation. */
export function num(n: number): string {
  return new Intl.NumberFormat(current === "ja" ? "ja-JP" : "en-GB").format(n);
}

/** The current language and a setter; the calling component re-renders when the language changes. */
export function useLang(): [Lang, (l: Lang) => void] {
  const [, bump] = useState(0);
  useEffect(() => {
    const f = () => bump((n) => n + 1);
    listeners.add(f);
    return () => void listeners.delete(f);
  }, []);
  return [current, setLang];
}
