import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { SourceDocument } from "../../core/types.js";
import { fsReason, readFileInput, type ReadFailure } from "./file.js";
import { readStdin } from "./stdin.js";
import { readUrl } from "./url.js";

export type { ReadFailure };

/** How inputs are read. */
export interface ReadOptions {
  /** Let URLs reach private, loopback and link-local addresses. */
  allowPrivate?: boolean;
  /** Largest input read, in bytes (default 25 MiB). */
  maxBytes?: number;
  /** Time limit of one URL fetch, redirects and body included (default 20 s). */
  timeoutMs?: number;
  /** Where `-` reads from (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Transport for URLs instead of node:http(s) (tests, proxies). */
  fetchImpl?: typeof fetch;
}

const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 20_000;

/** True when a read produced a failure rather than a document. */
export function isFailure(x: SourceDocument | ReadFailure): x is ReadFailure {
  return "error" in x;
}

/** True for names a directory walk skips: dot-files and node_modules. */
function skipped(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/** The files under a directory, depth first, each directory's entries in code-point order. */
async function* walkDirectory(dir: string): AsyncGenerator<string | ReadFailure> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { input: dir, error: fsReason(err) };
    return;
  }
  const names = entries.filter((e) => !skipped(e.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkDirectory(path);
    else if (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isFile())) yield path;
  }
}

/** Read one file-system input: a file, or every file under a directory. */
async function* readPath(path: string, maxBytes: number): AsyncGenerator<SourceDocument | ReadFailure> {
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) {
    yield await readFileInput(path, maxBytes);
    return;
  }
  for await (const file of walkDirectory(path)) {
    yield typeof file === "string" ? await readFileInput(file, maxBytes) : file;
  }
}

/**
 * Read the inputs of `jikenbo ingest` in order: `-` is standard input, http(s) URLs are fetched
 * safely, directories are walked. Each input yields documents or failures; nothing throws.
 */
export async function* readInputs(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<SourceDocument | ReadFailure> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const input of inputs) {
    if (input === "-") {
      yield await readStdin(opts.stdin ?? process.stdin, maxBytes);
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
      yield await readUrl(input, {
        allowPrivate: opts.allowPrivate ?? false,
        maxBytes,
        timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        fetchImpl: opts.fetchImpl,
      });
    } else {
      yield* readPath(input, maxBytes);
    }
  }
}
