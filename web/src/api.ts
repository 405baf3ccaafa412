/** Where the signed-in token is kept in this browser. */
const TOKEN_KEY = "jikenbo.token";

/** An error response of the API: its status, code and message. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** The API token this browser signed in with, if any. */
export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

/** Remember (or, with null, forget) the API token. */
export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** Query parameters; undefined and empty values are left out. */
export type Params = Record<string, string | number | undefined>;

/** The URL of an API path (`/incidents` means `/api/v1/incidents`; paths under `/api/` are kept) with its query. */
export function apiUrl(path: string, params?: Params): string {
  const base = path.startsWith("/api/") ? path : `/api/v1${path}`;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

async function call(method: string, path: string, params?: Params, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(apiUrl(path, params), { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  if (!res.ok) {
    const err = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(res.status, err?.error?.code ?? "http", err?.error?.message ?? `${res.status} ${res.statusText}`);
  }
  return res;
}

/** GET an API path as JSON, with the signed-in token; throws ApiError with the API's message on non-2xx. */
export async function getJson<T>(path: string, params?: Params): Promise<T> {
  return (await call("GET", path, params)).json() as Promise<T>;
}

/** POST, PATCH or DELETE a JSON body, with the signed-in token; throws ApiError with the API's message on non-2xx. */
export async function sendJson<T>(method: "POST" | "PATCH" | "DELETE", path: string, body: unknown): Promise<T> {
  return (await call(method, path, undefined, body)).json() as Promise<T>;
}

/** Fetch an API path with the signed-in token and save the response as a file named by the server. */
export async function download(path: string, params?: Params): Promise<void> {
  const res = await call("GET", path, params);
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "download";
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
