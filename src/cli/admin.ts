import type { Command } from "commander";
import { parseTlp } from "../intel/taxonomies/tlp.js";
import { ConflictError, NotFoundError, ROLES, type Role } from "../store/types.js";
import { ForbiddenError } from "../casebook/authorize.js";
import { err, exit, operator, out, UsageError, withStore } from "./context.js";
import { safe } from "./format.js";

const DB = ["--db <db>", "casebook (file path or postgres:// URL; default $JIKENBO_DB)"] as const;

async function guarded(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ConflictError || e instanceof ForbiddenError) { err(`jikenbo: ${e.message}`); exit.code = 1; return; }
    throw e;
  }
}

/** Parse a period such as 30m, 1h, 6h, 1d into seconds. */
export function parseEvery(v: string): number {
  const m = /^(\d+)\s*(s|m|h|d)$/.exec(v.trim());
  if (!m) throw new UsageError(`--every takes a period like 30m, 1h or 1d (got ${v})`);
  const n = Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[m[2] as "s" | "m" | "h" | "d"];
  if (n < 60) throw new UsageError("--every must be at least 1m");
  return n;
}

/** `jikenbo user add|list|revoke|token` and `jikenbo source add|list|remove`. */
export function registerAdmin(program: Command): void {
  const user = program.command("user").description("users of a shared casebook and their API tokens");
  user
    .command("add")
    .description("add a user; prints a new API token as the last line (shown once)")
    .argument("<name>", "user name")
    .requiredOption("--role <role>", ROLES.join("|"))
    .option("--clearance <tlp>", "most restrictive TLP the user may read (default by role: viewer GREEN, analyst AMBER, admin RED)")
    .option(...DB)
    .action((name: string, o: { role: string; clearance?: string; db?: string }) => guarded(async () => {
      if (!(ROLES as readonly string[]).includes(o.role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
      const clearance = o.clearance === undefined ? null : parseTlp(o.clearance);
      if (o.clearance !== undefined && !clearance) throw new UsageError("--clearance must be CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
      const { user: u, token } = await withStore(o.db, (s) => s.addUser(name, o.role as Role, clearance, operator()));
      out(`user ${u.name}: ${u.role}, clearance TLP:${u.clearance}`);
      out(token);
    }));
  user
    .command("token")
    .description("issue another API token for a user (last line)")
    .argument("<name>", "user name").option(...DB)
    .action((name: string, o: { db?: string }) => guarded(async () => out(await withStore(o.db, (s) => s.newToken(name, operator())))));
  user
    .command("list")
    .description("list users").option(...DB).option("--json", "print JSON")
    .action((o: { db?: string; json?: boolean }) => guarded(async () => {
      const users = await withStore(o.db, (s) => s.listUsers());
      if (o.json) { out(JSON.stringify(users, null, 2)); return; }
      for (const u of users) out(`${safe(u.name).padEnd(20)} ${u.role.padEnd(8)} TLP:${u.clearance.padEnd(13)} ${u.revoked_at ? `revoked ${u.revoked_at}` : `since ${u.created_at}`}${u.last_used_at ? `, last used ${u.last_used_at}` : ""}`);
    }));
  user
    .command("revoke")
    .description("revoke a user and every token of theirs").argument("<name>", "user name").option(...DB)
    .action((name: string, o: { db?: string }) => guarded(async () => {
      await withStore(o.db, (s) => s.revokeUser(name, operator()));
      out(`revoked ${name}`);
    }));

  const source = program.command("source").description("URLs that `jikenbo serve` polls on a schedule");
  source
    .command("add")
    .description("poll a URL (a feed or a page) on a schedule")
    .argument("<url>", "http(s) URL").option("--every <period>", "how often, e.g. 30m, 1h, 1d", "1h")
    .option("--allow-private", "let the URL reach private and loopback addresses").option(...DB)
    .action((url: string, o: { every: string; allowPrivate?: boolean; db?: string }) => guarded(async () => {
      if (!/^https?:\/\//i.test(url)) throw new UsageError("the source must be an http(s) URL");
      const f = await withStore(o.db, (s) => s.addFeed(url, parseEvery(o.every), !!o.allowPrivate, operator()));
      out(`source ${f.id}: ${f.url} every ${f.every_seconds} s`);
    }));
  source
    .command("list")
    .description("list polled sources").option(...DB).option("--json", "print JSON")
    .action((o: { db?: string; json?: boolean }) => guarded(async () => {
      const feeds = await withStore(o.db, (s) => s.listFeeds());
      if (o.json) { out(JSON.stringify(feeds, null, 2)); return; }
      for (const f of feeds) out(`${String(f.id).padStart(4)}  ${safe(f.url)}  every ${f.every_seconds} s  last ${f.last_status ?? "never"}  next ${f.next_fetch_at}`);
    }));
  source
    .command("remove")
    .description("stop polling a source").argument("<id>", "source id").option(...DB)
    .action((id: string, o: { db?: string }) => guarded(async () => {
      await withStore(o.db, (s) => s.removeFeed(Number(id), operator()));
      out(`removed source ${id}`);
    }));
}
