import { makeDocument } from "../../core/document.js";
import type { SourceDocument } from "../../core/types.js";
import { humanSize, isBlank, type ReadFailure } from "./file.js";

/** Raised when a stream carries more bytes than allowed; reading stops at the limit. */
export class TooLargeError extends Error {
  override name = "TooLargeError";
}

/** Read a whole byte stream, giving up (and closing it) as soon as it passes `maxBytes`. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    size += bytes.length;
    if (size > maxBytes) throw new TooLargeError(`too large: more than ${humanSize(maxBytes)}`);
    chunks.push(bytes);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Read all of standard input (or the given stream) as one document named `stdin`. */
export async function readStdin(stream: NodeJS.ReadableStream, maxBytes: number): Promise<SourceDocument | ReadFailure> {
  try {
    const bytes = await readStream(stream as AsyncIterable<Uint8Array | string>, maxBytes);
    if (isBlank(bytes)) return { input: "-", error: "empty file" };
    return makeDocument(bytes, { source: "stdin" });
  } catch (err) {
    return { input: "-", error: err instanceof Error ? err.message.split("\n")[0]! : String(err) };
  }
}
