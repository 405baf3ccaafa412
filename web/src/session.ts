import { useEffect, useState } from "preact/hooks";
import { ApiError, getJson, getToken, setToken } from "./api.js";

/** A user role, least to most powerful. */
export type Role = "viewer" | "analyst" | "admin";

/** Who the browser is signed in as (GET /api/v1/me). */
export interface Me {
  user: { name: string; role: Role } | null;
  clearance: string;
  levels: string[];
}

const ANONYMOUS: Me = { user: null, clearance: "CLEAR", levels: ["CLEAR"] };
const listeners = new Set<() => void>();
let me: Me = ANONYMOUS;

function set(next: Me): void {
  me = next;
  for (const f of listeners) f();
}

/** Ask the server who the stored token belongs to; a token it no longer accepts is forgotten. */
export async function loadSession(): Promise<void> {
  if (!getToken()) return;
  try {
    set(await getJson<Me>("/me"));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setToken(null);
      set(ANONYMOUS);
    }
  }
}

/** Sign in with an API token; throws (and keeps nothing) when the server refuses it. */
export async function signIn(token: string): Promise<Me> {
  setToken(token);
  try {
    const who = await getJson<Me>("/me");
    set(who);
    return who;
  } catch (e) {
    setToken(null);
    throw e;
  }
}

/** Forget the token and read anonymously. */
export function signOut(): void {
  setToken(null);
  set(ANONYMOUS);
}

/** True when the reader may correct, merge and unmerge incidents. */
export function canCorrect(who: Me): boolean {
  return who.user?.role === "analyst" || who.user?.role === "admin";
}

/** The current reader; the calling component re-renders when it changes. */
export function useSession(): Me {
  const [, bump] = useState(0);
  useEffect(() => {
    const f = () => bump((n) => n + 1);
    listeners.add(f);
    return () => void listeners.delete(f);
  }, []);
  return me;
}
