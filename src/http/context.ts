import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { Pipeline } from "../core/ingest.js";
import type { Store } from "../store/types.js";
import type { Visibility } from "./visibility.js";

/** How a server instance behaves towards readers and the network. */
export interface Settings {
  /** Let requests without credentials read TLP:CLEAR incidents. */
  anonymousRead: boolean;
  /** Let URL ingests and webhooks reach private, loopback and link-local addresses. */
  allowPrivate: boolean;
  /** Largest upload or fetched document in bytes (default 25 MiB). */
  maxUploadBytes?: number;
  /** Time limit of one outgoing fetch in milliseconds (default 20 s). */
  fetchTimeoutMs?: number;
}

/** What the HTTP app is built from. */
export interface AppDeps {
  store: Store;
  settings: Settings;
  log?: Logger;
  /** Transport for outgoing fetches instead of node:http(s) (tests, proxies); it cannot pin checked addresses. */
  fetchImpl?: typeof fetch;
  /** Hook for the web UI: serves whatever is not an API path (not built yet). */
  static?: MiddlewareHandler;
  /** How uploads are decoded and analysed (default: in this thread); a server runs them on a worker, so a large upload never stalls other requests. */
  pipeline?: Pipeline;
}

/** The app's dependencies with every default filled in. */
export interface ApiDeps {
  store: Store;
  settings: Required<Settings>;
  log: Logger;
  fetchImpl: typeof fetch | undefined;
  pipeline: Pipeline;
}

/** Per-request values every handler can read. */
export interface AppEnv {
  Variables: {
    /** Who is asking and what they may see. */
    vis: Visibility;
    requestId: string;
  };
}

/** Default size limit of an upload or a fetched document. */
export const DEFAULT_MAX_UPLOAD = 25 * 1024 * 1024;
/** Default time limit of an outgoing fetch. */
export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;
