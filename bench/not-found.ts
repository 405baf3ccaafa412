// `node --import tsx bench/not-found.ts [--db FILE|postgres://…]`: how long the API takes to answer 404 for
// an incident above the reader's clearance and for one that does not exist. The two must not be told
// apart, by their answer or by their time: requests alternate between them, and the median and 90th
// percentile of each are printed, in microseconds.
import { join } from "node:path";
import { ingest } from "../src/core/ingest.js";
import { createApp } from "../src/http/app.js";
import { openStore } from "../src/store/open.js";
import { SYSTEM_WRITER } from "../src/store/records.js";
import { tempDir } from "../test/helpers.js";
import { EXAMPLES } from "../test/http-kit.js";

const ROUNDS = 3000;
const i = process.argv.indexOf("--db");
const store = await openStore(i >= 0 ? process.argv[i + 1] : join(tempDir("jikenbo-404-bench-"), "casebook.db"));
try {
  await ingest(store, [EXAMPLES], SYSTEM_WRITER);
  const [hidden] = await store.listIncidents({ limit: 1 });
  await store.edit(hidden!.id, [{ field: "tlp", value: "RED" }], SYSTEM_WRITER);
  const { token } = await store.addUser(`reader-${Date.now()}`, "analyst", "AMBER", SYSTEM_WRITER);
  const app = createApp({ store, settings: { anonymousRead: true, allowPrivate: false } });
  const headers = { authorization: `Bearer ${token}` };
  const ids = { hidden: hidden!.id, missing: "inc_0123456789abcdef" };
  const times: Record<keyof typeof ids, number[]> = { hidden: [], missing: [] };
  for (let round = 0; round < ROUNDS + 200; round++) {
    for (const which of ["hidden", "missing"] as const) {
      const t = process.hrtime.bigint();
      const res = await app.request(`/api/v1/incidents/${ids[which]}`, { headers });
      await res.text();
      if (res.status !== 404) throw new Error(`${which}: ${res.status}`);
      if (round >= 200) times[which].push(Number(process.hrtime.bigint() - t) / 1000);
    }
  }
  const at = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
  for (const which of ["hidden", "missing"] as const) {
    console.log(`${store.location} ${which.padEnd(7)} 404: median ${at(times[which], 0.5).toFixed(0)} µs, p90 ${at(times[which], 0.9).toFixed(0)} µs over ${ROUNDS}`);
  }
} finally {
  await store.close();
}
