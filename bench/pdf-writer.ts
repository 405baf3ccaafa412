// PDF files written by hand (raw PDF syntax, cross-reference offsets computed here), so that every byte
// is known: the ingest tests' fixtures (test/fixtures/ingest/make-pdfs.ts) and the real corpus as PDFs
// (bench/forms.ts).

/** A PDF object body; streams are given as { dict, data } and get their /Length here. */
export type PdfObject = string | { dict: string; data: string };

/** Hex string of text in UTF-16BE (UCS-2 for the BMP), as UniJIS-UCS2-H expects. */
export function ucs2Hex(text: string): string {
  let hex = "";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}

/** Assemble objects (numbered from 1) into a PDF file with a correct cross-reference table. */
export function buildPdf(objects: PdfObject[], trailer: string): Buffer {
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    const body = typeof obj === "string"
      ? obj
      : `<<${obj.dict ? ` ${obj.dict}` : ""} /Length ${Buffer.byteLength(obj.data, "latin1")} >>\nstream\n${obj.data}\nendstream`;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/**
 * An A4 document of Japanese text in a non-embedded CID font (UniJIS-UCS2-H), 10.5 pt, one line of
 * `lines` per printed line and a line skipped for each empty one, 40 lines to a page, its number in the footer.
 */
export function japanesePdf(lines: readonly string[]): Buffer {
  const PER_PAGE = 40;
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += PER_PAGE) pages.push(lines.slice(i, i + PER_PAGE) as string[]);
  const n = pages.length;
  // Objects: 1 catalog, 2 pages, then per page its page and contents, then the font's three.
  const font = 3 + 2 * n;
  const objects: PdfObject[] = ["<< /Type /Catalog /Pages 2 0 R >>", `<< /Type /Pages /Kids [${pages.map((_, k) => `${3 + 2 * k} 0 R`).join(" ")}] /Count ${n} >>`];
  pages.forEach((page, k) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${4 + 2 * k} 0 R >>`);
    const ops = page.map((l, i) => `${i === 0 ? "56 780 Td" : "0 -18 Td"}${l ? ` ${ucs2Hex(l)} Tj` : ""}`).join("\n");
    // The page's number in its footer, as a printed notice has it.
    objects.push({ dict: "", data: `BT\n/F1 10.5 Tf\n${ops}\nET\nBT\n/F1 9 Tf\n285 40 Td ${ucs2Hex(`- ${k + 1} -`)} Tj\nET` });
  });
  objects.push(
    `<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular-UniJIS-UCS2-H /Encoding /UniJIS-UCS2-H /DescendantFonts [${font + 1} 0 R] >>`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor ${font + 2} 0 R /DW 1000 >>`,
    "<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 6 /FontBBox [-437 -340 1147 1317] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 740 /StemV 80 >>",
  );
  return buildPdf(objects, "/Root 1 0 R");
}
