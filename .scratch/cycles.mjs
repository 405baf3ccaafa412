import ts from "typescript"; import { readdirSync, readFileSync } from "node:fs"; import { join, dirname, resolve, relative } from "node:path";
const SRC = resolve("src"); const files = [];
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.tsx?$/.test(e.name) && !/\.test\.ts$/.test(e.name)) files.push(p); } };
walk(SRC);
const g = new Map();
for (const f of files) { const { importedFiles } = ts.preProcessFile(readFileSync(f, "utf8"), true, true); g.set(relative(SRC, f), importedFiles.map((x) => x.fileName).filter((s) => s.startsWith(".")).map((s) => relative(SRC, resolve(dirname(f), s)).replace(/\.js$/, ".ts"))); }
// Tarjan SCC
let idx = 0; const st = [], on = new Set(), I = new Map(), L = new Map(), out = [];
const sc = (v) => { I.set(v, idx); L.set(v, idx++); st.push(v); on.add(v); for (const w of g.get(v) ?? []) { if (!g.has(w)) continue; if (!I.has(w)) { sc(w); L.set(v, Math.min(L.get(v), L.get(w))); } else if (on.has(w)) L.set(v, Math.min(L.get(v), I.get(w))); } if (L.get(v) === I.get(v)) { const c = []; let w; do { w = st.pop(); on.delete(w); c.push(w); } while (w !== v); if (c.length > 1) out.push(c); } };
for (const v of g.keys()) if (!I.has(v)) sc(v);
console.log(out);
