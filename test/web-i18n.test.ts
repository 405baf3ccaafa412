// The web UI's message catalogs: both languages complete, every key the code uses defined, and no
// label written straight into a component.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import { ROOT } from "./helpers.js";

const WEB = join(ROOT, "web/src");
const MESSAGES = join(WEB, "messages");

type Catalog = { ja: Record<string, string>; en: Record<string, string> };

async function catalogs(): Promise<Map<string, Catalog>> {
  const out = new Map<string, Catalog>();
  for (const f of readdirSync(MESSAGES).filter((f) => f.endsWith(".ts")).sort()) {
    out.set(f, ((await import(pathToFileURL(join(MESSAGES, f)).href)) as { default: Catalog }).default);
  }
  return out;
}

function sources(dir: string = WEB): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "messages" ? [] : sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

test("every message exists in Japanese and in English, non-empty, with the same {variables}, defined once", async () => {
  const seen = new Map<string, string>();
  for (const [file, c] of await catalogs()) {
    assert.deepEqual(Object.keys(c.en).sort(), Object.keys(c.ja).sort(), `${file}: the same keys in ja and en`);
    for (const [key, ja] of Object.entries(c.ja)) {
      const en = c.en[key]!;
      assert.ok(ja.trim() && en.trim(), `${file}: ${key} is empty`);
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(vars(en), vars(ja), `${file}: ${key} has the same variables`);
      assert.ok(!seen.has(key), `${key} is defined in ${file} and ${seen.get(key)}`);
      seen.set(key, file);
    }
  }
  assert.ok(seen.size > 200);
});

test("every key the UI asks for is defined (literal keys exactly, built keys by their prefix)", async () => {
  const keys = new Set([...(await catalogs()).values()].flatMap((c) => Object.keys(c.ja)));
  let used = 0;
  for (const file of sources()) {
    const code = readFileSync(file, "utf8");
    for (const m of code.matchAll(/\bt\("([^"]+)"/g)) {
      used++;
      assert.ok(keys.has(m[1]!), `${relative(ROOT, file)}: t("${m[1]}") is not in any catalog`);
    }
    for (const m of code.matchAll(/\bt\(`([\w.]+)\$\{/g)) {
      assert.ok([...keys].some((k) => k.startsWith(m[1]!)), `${relative(ROOT, file)}: no key starts with ${m[1]}`);
    }
  }
  assert.ok(used > 100);
});

test("components write no label of their own: visible text and accessible names come from the catalogs", () => {
  const WORDS = /[A-Za-z\u3040-\u30ff\u4e00-\u9fff]/;
  const problems: string[] = [];
  for (const file of sources().filter((f) => f.endsWith(".tsx"))) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, i) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
      for (const m of line.matchAll(/(?<!=)>([^<>{}();=]+)</g)) {
        if (WORDS.test(m[1]!) && !/^\s*(&&|\|\||\?|:)/.test(m[1]!)) problems.push(`${relative(ROOT, file)}:${i + 1}: text "${m[1]!.trim()}"`);
      }
      for (const m of line.matchAll(/\b(aria-label|placeholder|title|alt|label)="([^"]*)"/g)) {
        if (WORDS.test(m[2]!)) problems.push(`${relative(ROOT, file)}:${i + 1}: ${m[1]}="${m[2]}"`);
      }
    });
  }
  assert.deepEqual(problems, []);
});
