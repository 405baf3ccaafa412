// The layers of docs/ARCHITECTURE.md, enforced: a module in src/ imports only from its own layer or
// the layers below it, and the web UI only vocabularies and types. Type-only and dynamic imports count.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { ROOT } from "./helpers.js";

/** The layers, bottom first; each lists path prefixes under src/ (the longest matching prefix decides). */
const LAYERS: [name: string, prefixes: string[]][] = [
  ["core", ["core/types.ts", "core/values.ts", "core/fields.ts", "core/vocab/", "core/escape.ts", "core/document.ts", "core/sniff.ts", "core/digest.ts", "core/width.ts", "core/worker-thread.ts"]],
  ["text", ["extract/normalize/", "extract/reading.ts", "extract/scan.ts", "extract/prefilter.ts", "extract/names.ts"]],
  ["ingest", ["ingest/"]],
  ["segment", ["segment/"]],
  ["indicators", ["intel/indicators/"]],
  ["extract", ["extract/"]],
  ["tag", ["intel/"]],
  ["casebook", ["casebook/", "core/corrections.ts"]],
  ["store", ["store/"]],
  ["pipeline", ["core/pipeline.ts", "core/ingest.ts", "core/reextract.ts", "core/pool.ts", "core/analyse-worker.ts"]],
  ["analytics", ["intel/graph.ts"]],
  ["share", ["share/"]],
  ["report", ["report/"]],
  ["jobs", ["jobs/"]],
  ["http", ["http/"]],
  ["cli", ["cli/"]],
];

/** Imports that run against the order, each with why it stays for now (`from -> to`, paths under src/). */
const EXCEPTIONS: Record<string, string> = {};

/** What the web UI may import from src/: vocabularies, labels, the field table and the API's types. */
// The report renderers are shared: the server prints the same HTML the web page shows.
const WEB_MAY_IMPORT = ["core/types.ts", "core/fields.ts", "core/vocab/", "intel/taxonomies/", "intel/graph.ts", "store/types.ts", "report/render/", "report/types.ts"];

/** What the web UI may import types from, and nothing else (`import type`): the API's response schemas, which it infers its types from. */
const WEB_MAY_IMPORT_TYPES = ["http/schemas.ts"];

const SRC = join(ROOT, "src");

/** Source files (not tests or test helpers) under `dir`, as paths relative to `base`. */
function sources(dir: string, base: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path, base);
    return /\.tsx?$/.test(e.name) && !/\.test\.ts$|^testkit\.ts$/.test(e.name) ? [relative(base, path)] : [];
  });
}

/** The files under src/ that `file` imports (statically, type-only or dynamically), as paths relative to src/. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith("."))
    .map((spec) => relative(SRC, resolve(dirname(file), spec)).replace(/\.js$/, ".ts"))
    .filter((path) => !path.startsWith(".."));
}

/** The layer index of a path under src/, or -1 when no layer claims it. */
function layerOf(path: string): number {
  let best = -1, length = -1;
  LAYERS.forEach(([, prefixes], i) => {
    for (const p of prefixes) if (path.startsWith(p) && p.length > length) { best = i; length = p.length; }
  });
  return best;
}

test("every module in src/ belongs to a layer", () => {
  assert.deepEqual(sources(SRC, SRC).filter((f) => layerOf(f) < 0), []);
});

test("src/ imports run down the layers only (or are listed exceptions, each still needed)", () => {
  const wrong: string[] = [];
  const used = new Set<string>();
  for (const file of sources(SRC, SRC)) {
    for (const target of importsOf(join(SRC, file))) {
      const from = layerOf(file), to = layerOf(target);
      if (to <= from) continue;
      const edge = `${file} -> ${target}`;
      if (edge in EXCEPTIONS) used.add(edge);
      else wrong.push(`${edge} (${LAYERS[from]![0]} imports ${LAYERS[to]![0]})`);
    }
  }
  assert.deepEqual(wrong, [], "an import against the layer order: move the code down, or record the exception with its reason");
  assert.deepEqual(Object.keys(EXCEPTIONS).filter((e) => !used.has(e)), [], "an exception no longer needed: remove it");
});

test("src/ has no import cycles, type-only imports included", () => {
  const graph = new Map(sources(SRC, SRC).map((f) => [f, importsOf(join(SRC, f))]));
  const state = new Map<string, "open" | "done">();
  const cycles: string[] = [];
  const visit = (file: string, path: string[]): void => {
    state.set(file, "open");
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") cycles.push([...path.slice(path.indexOf(next)), file, next].join(" -> "));
      else if (!state.has(next) && graph.has(next)) visit(next, [...path, file]);
    }
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file, []);
  assert.deepEqual(cycles, [], "modules that import each other: move what both need into a module below them");
});

/** The files under src/ that a web module imports, each with whether every import of it there is `import type`. */
function webImportsOf(file: string): { path: string; typeOnly: boolean }[] {
  const code = readFileSync(file, "utf8");
  const imports = ts.createSourceFile(file, code, ts.ScriptTarget.Latest).statements.filter(ts.isImportDeclaration);
  const typeOnly = (spec: string) => {
    const of = imports.filter((s) => (s.moduleSpecifier as ts.StringLiteral).text === spec);
    return of.length > 0 && of.every((s) => s.importClause?.isTypeOnly);
  };
  return ts.preProcessFile(code, true, true).importedFiles
    .map((f) => ({ path: relative(SRC, resolve(dirname(file), f.fileName)).replace(/\.js$/, ".ts"), typeOnly: typeOnly(f.fileName) }))
    .filter(({ path }) => !path.startsWith(".."));
}

test("the web UI imports from src/ only vocabularies, labels, the field table and the API's types", () => {
  const web = join(ROOT, "web/src");
  const wrong = sources(web, web).flatMap((file) =>
    webImportsOf(join(web, file))
      .filter(({ path, typeOnly }) => !WEB_MAY_IMPORT.some((p) => path.startsWith(p)) && !(typeOnly && WEB_MAY_IMPORT_TYPES.includes(path)))
      .map(({ path }) => `web/src/${file} -> src/${path}`));
  assert.deepEqual(wrong, []);
});
