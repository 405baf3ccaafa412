import { readFile, stat } from "node:fs/promises";
import { makeDocument } from "../../core/document.js";
import type { SourceDocument } from "../../core/types.js";

/** An input that could not be read, with a one-line human-readable reason. */
export interface ReadFailure {
  input: string;
  error: string;
}

const MB = 1024 * 1024;

/** A byte count for people: megabytes with one decimal (`25.0 MB`), bytes when tiny. */
export function humanSize(bytes: number): string {
  return bytes < MB / 10 ? `${bytes} bytes` : `${(bytes / MB).toFixed(1)} MB`;
}

/** The one-line reason for input of a known size over the size limit. */
export function tooLarge(size: number, maxBytes: number): string {
  return `too large: ${humanSize(size)} > ${humanSize(maxBytes)} limit`;
}

/** True for input with nothing in it: no bytes, or only whitespace (and a UTF-8 BOM). */
export function isBlank(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  }
  return true;
}

/** One-line reason for a filesystem error. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return code ?? (err instanceof Error ? err.message.split("\n")[0]! : String(err));
}

/** Read one file as a document; the size is checked before any byte is read. */
export async function readFileInput(path: string, maxBytes: number): Promise<SourceDocument | ReadFailure> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { input: path, error: "not a regular file" };
    if (info.size > maxBytes) return { input: path, error: tooLarge(info.size, maxBytes) };
    const bytes = await readFile(path);
    if (bytes.length > maxBytes) return { input: path, error: tooLarge(bytes.length, maxBytes) };
    if (isBlank(bytes)) return { input: path, error: "empty file" };
    return makeDocument(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), { source: path });
  } catch (err) {
    return { input: path, error: fsReason(err) };
  }
}
