import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker thread running the module `name` beside `from` (the caller's import.meta.url). Under tsx
 * the sources are .ts and a worker does not inherit tsx's loader, so it registers it before importing;
 * built, the module is the .js beside the caller.
 */
export function workerThread(name: string, from: string, options: WorkerOptions = {}): Worker {
  const ts = from.endsWith(".ts");
  const url = new URL(`./${name}.${ts ? "ts" : "js"}`, from);
  return ts
    ? new Worker(`import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`, { ...options, eval: true })
    : new Worker(url, options);
}
