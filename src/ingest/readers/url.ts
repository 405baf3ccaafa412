import type { LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { pipeline } from "node:stream";
import zlib from "node:zlib";
import { makeDocument } from "../../core/document.js";
import type { SourceDocument } from "../../core/types.js";
import { isPrivateAddress } from "./address.js";
import { isBlank, tooLarge, type ReadFailure } from "./file.js";
import { readStream, TooLargeError } from "./stdin.js";

/** The User-Agent every fetch sends. */
export const USER_AGENT = "jikenbo/0.1 (+https://github.com/jikenbo)";

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HEADERS = {
  "user-agent": USER_AGENT,
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,application/pdf,text/plain;q=0.8,*/*;q=0.5",
  "accept-language": "ja,en;q=0.5",
};

/** How a URL may be fetched. */
export interface UrlOptions {
  allowPrivate: boolean;
  maxBytes: number;
  timeoutMs: number;
  /** Transport to use instead of node:http(s); it cannot pin the checked address. */
  fetchImpl?: typeof fetch | undefined;
  /** Validators from an earlier fetch: sent as If-None-Match / If-Modified-Since (a conditional GET). */
  etag?: string | null | undefined;
  lastModified?: string | null | undefined;
}

/** What a conditional GET brought: the document with its validators for next time, or "not modified". */
export type FetchedUrl = { doc: SourceDocument; etag: string | null; lastModified: string | null } | { notModified: true } | ReadFailure;

/** One outgoing request: method, extra headers and body. */
interface Outgoing {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

/** A failure whose message is already the one-line reason. */
class FetchError extends Error {
  override name = "FetchError";
}

/** One HTTP response, whichever transport produced it. */
interface Hop {
  status: number;
  header(name: string): string | undefined;
  body: AsyncIterable<Uint8Array>;
  discard(): void;
}

/** Settle with the promise, or reject as soon as the signal aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Resolve the host to all its addresses and refuse if any is private (unless allowed). */
async function resolveHost(url: URL, allowPrivate: boolean, signal: AbortSignal): Promise<LookupAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const family = isIP(host);
  const addresses = family ? [{ address: host, family }] : await abortable(lookup(host, { all: true, verbatim: true }), signal);
  const refused = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
  if (refused) throw new FetchError(`refused private address ${refused.address} (use --allow-private)`);
  if (addresses.length === 0) throw new FetchError(`unreachable: no address for ${host}`);
  return addresses;
}

/** The response body, decompressed when the server compressed it. */
function decodedBody(res: http.IncomingMessage): AsyncIterable<Uint8Array> {
  const encoding = String(res.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoder = encoding === "gzip" || encoding === "x-gzip" ? zlib.createGunzip()
    : encoding === "deflate" ? zlib.createInflate()
    : encoding === "br" ? zlib.createBrotliDecompress()
    : null;
  return decoder ? pipeline(res, decoder, () => undefined) : res;
}

/** A request with node:http(s), connecting only to the addresses that were checked (no second lookup). */
function nodeRequest(url: URL, addresses: LookupAddress[], signal: AbortSignal, out: Outgoing): Promise<Hop> {
  const pinned = (_host: string, options: { all?: boolean }, done: (...args: unknown[]) => void): void => {
    if (options.all) done(null, addresses);
    else done(null, addresses[0]!.address, addresses[0]!.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const req = client.request(url, {
      method: out.method,
      headers: out.body === undefined
        ? { ...out.headers, "accept-encoding": "gzip, deflate, br" }
        : { ...out.headers, "content-length": String(Buffer.byteLength(out.body)) },
      signal,
      agent: false,
      lookup: pinned as unknown as LookupFunction,
    }, (res) => resolve({
      status: res.statusCode ?? 0,
      header: (name) => [res.headers[name]].flat()[0],
      body: decodedBody(res),
      discard: () => res.destroy(),
    }));
    req.on("error", reject);
    req.end(out.body);
  });
}

/** The chunks of a web stream, cancelling it when the reader stops early. */
async function* webChunks(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** A request with a fetch implementation, redirects left to the caller. */
async function fetchRequest(fetchImpl: typeof fetch, url: URL, signal: AbortSignal, out: Outgoing): Promise<Hop> {
  const res = await fetchImpl(url, { method: out.method, headers: out.headers, body: out.body ?? null, redirect: "manual", signal });
  return {
    status: res.status,
    header: (name) => res.headers.get(name) ?? undefined,
    body: webChunks(res.body),
    discard: () => void res.body?.cancel().catch(() => undefined),
  };
}

function checkScheme(url: URL): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError(`unsupported URL scheme ${url.protocol.replace(/:$/, "")}`);
  }
}

/** Send one request to a URL whose addresses have been checked, by whichever transport is configured. */
async function send(url: URL, opts: Pick<UrlOptions, "allowPrivate" | "fetchImpl">, signal: AbortSignal, out: Outgoing): Promise<Hop> {
  checkScheme(url);
  const addresses = await resolveHost(url, opts.allowPrivate, signal);
  return opts.fetchImpl ? fetchRequest(opts.fetchImpl, url, signal, out) : nodeRequest(url, addresses, signal, out);
}

/** Follow redirects by hand, checking every hop's address, up to the first non-redirect (or a 304 to a conditional GET). */
async function follow(start: URL, opts: UrlOptions, signal: AbortSignal): Promise<{ url: URL; res: Hop }> {
  const conditional: Record<string, string> = {};
  if (opts.etag) conditional["if-none-match"] = opts.etag;
  if (opts.lastModified) conditional["if-modified-since"] = opts.lastModified;
  const out: Outgoing = { method: "GET", headers: { ...HEADERS, ...conditional } };
  let url = start;
  for (let hops = 0; ; hops++) {
    const res = await send(url, opts, signal, out);
    if (!REDIRECTS.has(res.status)) {
      if ((res.status >= 200 && res.status < 300) || (res.status === 304 && Object.keys(conditional).length)) return { url, res };
      res.discard();
      throw new FetchError(`HTTP ${res.status}`);
    }
    res.discard();
    const location = res.header("location");
    if (!location) throw new FetchError(`HTTP ${res.status} without a Location header`);
    if (hops === MAX_REDIRECTS) throw new FetchError(`too many redirects (more than ${MAX_REDIRECTS})`);
    url = new URL(location, url);
  }
}

/** One-line reason for a failed fetch. */
function reason(err: unknown): string {
  if (err instanceof FetchError || err instanceof TooLargeError) return err.message;
  const outer = err as { code?: string; cause?: unknown };
  if (outer.code === "ERR_INVALID_URL") return "invalid URL";
  const inner = (err instanceof AggregateError ? err.errors[0] : outer.cause ?? err) as
    { code?: string; address?: string; port?: number; hostname?: string; message?: string } | undefined;
  if (inner?.code) {
    const where = inner.address ? ` ${inner.address}${inner.port ? `:${inner.port}` : ""}` : inner.hostname ? ` ${inner.hostname}` : "";
    return `unreachable: ${inner.code}${where}`;
  }
  return `unreachable: ${String(inner?.message ?? err).split("\n")[0]}`;
}

/**
 * Fetch an http(s) URL safely: private addresses refused unless allowed (every redirect hop
 * re-checked, the checked address connected to), redirects followed by hand, one time limit for
 * the whole fetch, and the size limit enforced while the body streams in. With validators in the
 * options the GET is conditional and a 304 comes back as "not modified".
 */
export async function fetchUrl(input: string, opts: UrlOptions): Promise<FetchedUrl> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  try {
    const { url, res } = await follow(new URL(input), opts, signal);
    if (res.status === 304) {
      res.discard();
      return { notModified: true };
    }
    const length = Number(res.header("content-length"));
    if (length > opts.maxBytes) {
      res.discard();
      return { input, error: tooLarge(length, opts.maxBytes) };
    }
    const bytes = await readStream(res.body, opts.maxBytes);
    if (isBlank(bytes)) return { input, error: "empty file" };
    const type = res.header("content-type");
    const charset = /charset\s*=\s*["']?([^"';\s]+)/i.exec(type ?? "")?.[1];
    const doc = makeDocument(bytes, { source: url.href, declaredType: type ?? null, ...(charset ? { declaredCharset: charset } : {}) });
    return { doc, etag: res.header("etag") ?? null, lastModified: res.header("last-modified") ?? null };
  } catch (err) {
    return { input, error: signal.aborted ? `timed out after ${opts.timeoutMs / 1000} s` : reason(err) };
  }
}

/** Fetch an http(s) URL safely (see fetchUrl) as one document, or say why not. */
export async function readUrl(input: string, opts: UrlOptions): Promise<SourceDocument | ReadFailure> {
  const r = await fetchUrl(input, { ...opts, etag: null, lastModified: null });
  return "doc" in r ? r.doc : "notModified" in r ? { input, error: "HTTP 304" } : r;
}

/**
 * POST a body to an http(s) URL under the same address rules as a fetch (checked, pinned, one time
 * limit); redirects are not followed. Resolves to the response status, or the one-line reason it failed.
 */
export async function postUrl(
  input: string, body: string, headers: Record<string, string>, opts: Pick<UrlOptions, "allowPrivate" | "timeoutMs" | "fetchImpl">,
): Promise<{ status: number } | ReadFailure> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  try {
    const res = await send(new URL(input), opts, signal, { method: "POST", headers: { "user-agent": USER_AGENT, ...headers }, body });
    res.discard();
    return { status: res.status };
  } catch (err) {
    return { input, error: signal.aborted ? `timed out after ${opts.timeoutMs / 1000} s` : reason(err) };
  }
}
