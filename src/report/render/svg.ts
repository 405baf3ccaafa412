import { escapeMarkup as esc } from "../../core/escape.js";
import { num } from "./words.js";

/** One bar of a chart. */
export interface Bar {
  label: string;
  value: number;
}

const FONT = `font-family="IPAPGothic, IPAGothic, 'Noto Sans JP', 'Hiragino Sans', sans-serif"`;
const BAR = "#1f5fbf";
const MUTED = "#5a6473";

/** Characters of a label kept on a chart (the table beside it has the whole label). */
const LABEL_CHARS = 16;

function clip(s: string): string {
  return [...s].length > LABEL_CHARS ? `${[...s].slice(0, LABEL_CHARS - 1).join("")}…` : s;
}

/** A horizontal bar chart as standalone SVG (no script, no external resources): one labelled bar per row. */
export function barChart(bars: Bar[], title: string): string {
  const row = 24, labelW = 200, barW = 340, width = labelW + barW + 80, height = Math.max(1, bars.length) * row + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const items = bars.map((b, i) => {
    const y = 4 + i * row, w = Math.round((b.value / max) * barW);
    return `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end" font-size="13" fill="#1c2330">${esc(clip(b.label))}</text>`
      + `<rect x="${labelW}" y="${y + 4}" width="${Math.max(w, b.value ? 2 : 0)}" height="${row - 8}" fill="${BAR}"/>`
      + `<text x="${labelW + w + 6}" y="${y + 16}" font-size="12" fill="${MUTED}">${num(b.value)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}><title>${esc(title)}</title>${items.join("")}</svg>`;
}

/** A column chart as standalone SVG, one column per bar in order (months of a year). */
export function columnChart(bars: Bar[], title: string): string {
  const col = 48, chartH = 160, width = Math.max(1, bars.length) * col + 20, height = chartH + 44;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const items = bars.map((b, i) => {
    const x = 10 + i * col, h = Math.round((b.value / max) * chartH), y = 18 + chartH - h;
    return `<rect x="${x + 8}" y="${y}" width="${col - 16}" height="${h}" fill="${BAR}"/>`
      + `<text x="${x + col / 2}" y="${y - 4}" text-anchor="middle" font-size="12" fill="${MUTED}">${num(b.value)}</text>`
      + `<text x="${x + col / 2}" y="${chartH + 36}" text-anchor="middle" font-size="12" fill="#1c2330">${esc(b.label)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}><title>${esc(title)}</title>`
    + `<line x1="10" y1="${chartH + 18}" x2="${width - 10}" y2="${chartH + 18}" stroke="#d5dae1"/>${items.join("")}</svg>`;
}
