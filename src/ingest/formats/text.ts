import type { SourceDocument } from "../../core/types.js";
import { decodeBytes } from "../decode.js";
import { fixMojibake } from "../mojibake.js";
import { UnreadableError, type FormatResult } from "./index.js";
import { unwrapText } from "./unwrap.js";

/** Decode bytes to text with unified line breaks, then detect and repair mojibake. */
export function decodeText(bytes: Uint8Array, declared?: string | null): { text: string; charset: string; messages: FormatResult["messages"] } {
  const decoded = decodeBytes(bytes, declared);
  const unified = decoded.text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
  const fixed = fixMojibake(unified);
  return { text: fixed.text, charset: decoded.charset, messages: [...decoded.messages, ...fixed.messages] };
}

/** Read a plain-text document; lines a fixed width wrapped are joined into their paragraphs. */
export async function readText(doc: SourceDocument): Promise<FormatResult> {
  const { text, charset, messages } = decodeText(doc.bytes, doc.declaredCharset);
  if (text.trim() === "") throw new UnreadableError("no text in the document");
  return { text: unwrapText(text), charset, messages };
}
