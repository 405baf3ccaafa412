// Worker thread body: checkpoints a SQLite file's write-ahead log on a connection of its own, when asked.
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";

const db = new Database((workerData as { file: string }).file);
// A passive checkpoint copies what no reader still needs and never waits for the writer.
db.pragma("busy_timeout = 0");
parentPort!.on("message", () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
    parentPort!.postMessage({});
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
