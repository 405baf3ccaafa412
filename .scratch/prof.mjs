// Summarise a .cpuprofile: self and inclusive time per function (top N).
import { readFileSync } from "node:fs";
const p = JSON.parse(readFileSync(process.argv[2], "utf8"));
const N = Number(process.argv[3] ?? 40);
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const dt = p.timeDeltas; let total = 0;
const hitsBy = new Map();
for (let i = 0; i < p.samples.length; i++) { hitsBy.set(p.samples[i], (hitsBy.get(p.samples[i]) ?? 0) + (dt[i] ?? 0)); total += dt[i] ?? 0; }
const key = (n) => `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber + 1}`;
const incl = new Map();
for (const [id, t] of hitsBy) {
  const n = byId.get(id); const k = key(n);
  self.set(k, (self.get(k) ?? 0) + t);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) { const kk = key(byId.get(cur)); if (seen.has(kk)) continue; seen.add(kk); incl.set(kk, (incl.get(kk) ?? 0) + t); }
}
const show = (m, title) => { console.log(`== ${title}`); [...m].sort((a, b) => b[1] - a[1]).slice(0, N).forEach(([k, t]) => console.log(`${(100 * t / total).toFixed(1).padStart(5)}%  ${k}`)); };
show(self, "self"); show(incl, "inclusive");
