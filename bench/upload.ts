// `node --import tsx bench/upload.ts FILE`: how one large upload affects the other requests of a
// listening server (in this process). Uploads FILE while a health check runs every 20 ms, once with the analysis in the
// request's thread and once on the server's worker, and prints the upload's time, the slowest health
// check (how long the event loop was held) and the peak RSS of this process (the worker's heap included).
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { runPipeline } from "../src/core/pipeline.js";
import { startServer } from "../src/http/server.js";
import { openStore } from "../src/store/open.js";
import { SYSTEM_WRITER } from "../src/store/records.js";
import { tempDir } from "../test/helpers.js";

const file = process.argv[2];
if (!file) throw new Error("usage: bench/upload.ts FILE");
const bytes = readFileSync(file);

for (const where of ["in the request's thread", "on the server's worker"] as const) {
  const dir = tempDir("jikenbo-upload-bench-");
  const store = await openStore(join(dir, "casebook.db"));
  const { token } = await store.addUser("bench", "analyst", null, SYSTEM_WRITER);
  const server = await startServer({
    store, host: "127.0.0.1", port: 0, settings: { anonymousRead: true, allowPrivate: false, maxUploadBytes: 64 << 20 },
    ...(where === "in the request's thread" ? { pipeline: runPipeline } : {}),
  });
  let worst = 0;
  let uploading = true;
  const probe = (async () => {
    // Each round: a health check, then 20 ms of sleep; whatever a round takes beyond 20 ms, the event loop was held.
    while (uploading) {
      const t = performance.now();
      await fetch(`${server.url}/api/v1/health`);
      await new Promise((r) => setTimeout(r, 20));
      worst = Math.max(worst, performance.now() - t - 20);
    }
  })();
  const form = new FormData();
  form.append("file", new File([bytes], "large.txt", { type: "text/plain" }));
  const t0 = performance.now();
  const res = await fetch(`${server.url}/api/v1/ingest`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  const summary = (await res.json()) as { notices: number; error?: { message: string } };
  if (summary.error) console.log(summary.error.message);
  const ms = performance.now() - t0;
  uploading = false;
  await probe;
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`${(bytes.length / 1048576).toFixed(1)} MiB ${where}: HTTP ${res.status}, ${summary.notices} notice(s), ${(ms / 1000).toFixed(2)} s; slowest health check ${worst.toFixed(0)} ms; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
