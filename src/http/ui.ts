import type { MiddlewareHandler } from "hono";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The UI's policy: nothing inline, nothing from elsewhere. */
export const UI_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** Where `npm run build` puts the UI: dist/web, seen from dist/http (built) or from src/http (run from source). */
export function defaultUiDir(): string {
  const candidates = ["../web", "../../dist/web"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  return candidates.find((d) => existsSync(join(d, "index.html"))) ?? candidates[0]!;
}

/** The file under `root` a URL path names, or null when it leaves the root or is not a file. */
async function fileFor(root: string, path: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const full = normalize(join(root, decoded));
  if (!full.startsWith(root + sep) || decoded.includes("\0")) return null;
  const s = await stat(full).catch(() => null);
  return s?.isFile() ? full : null;
}

/**
 * The web UI as the app's `static` hook: built assets (hashed files under /assets cached for a year),
 * `index.html` for every other GET path so deep links work, all under a CSP without inline scripts.
 * Without a build, `/` explains how to make one.
 */
export function webUi(dir: string = defaultUiDir()): MiddlewareHandler {
  const root = normalize(dir);
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    c.header("Content-Security-Policy", UI_CSP);
    const index = join(root, "index.html");
    if (!existsSync(index)) {
      return c.text("The Jikenbo web UI is not built. Run `npm run build`, then start the server again. The API is at /api/v1.", 503);
    }
    const path = c.req.path;
    const file = path === "/" ? null : await fileFor(root, path);
    if (file) {
      c.header("Content-Type", TYPES[extname(file)] ?? "application/octet-stream");
      c.header("Cache-Control", path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      return c.body(await readFile(file));
    }
    if (path.startsWith("/assets/") || /\.[a-z0-9]+$/i.test(path)) return next();
    c.header("Content-Type", TYPES[".html"]);
    c.header("Cache-Control", "no-cache");
    return c.body(await readFile(index));
  };
}
