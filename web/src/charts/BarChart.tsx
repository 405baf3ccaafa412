import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from "chart.js";
import { useEffect, useRef } from "preact/hooks";
import { num } from "../i18n.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** One series of a bar chart: its name, colour and one value per category. */
export interface Series {
  label: string;
  color: string;
  values: number[];
}

/** Colours for series and bars, distinguishable on white and in grey scale order. */
export const PALETTE = ["#1f5fbf", "#d9822b", "#2e8540", "#b3261e", "#7a4cb0", "#0e8a9c", "#a05a2c", "#c2185b", "#5f6b7a", "#9a8c00", "#3949ab", "#6d4c41", "#00897b", "#8e24aa", "#546e7a"];

/**
 * A Chart.js bar chart on a canvas (no markup from data: labels are drawn as canvas text). The canvas
 * is an image for assistive technology with `summary` as its name; the data table next to it carries
 * the numbers. Horizontal bars grow the chart's height with the number of categories.
 */
export function BarChart({ categories, series, summary, horizontal = false, stacked = false }: {
  categories: string[];
  series: Series[];
  summary: string;
  horizontal?: boolean;
  stacked?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!canvas.current || !box.current) return;
    box.current.style.height = horizontal ? `${Math.max(8, categories.length * 1.9 + 3)}rem` : "";
    const config: ChartConfiguration<"bar"> = {
      type: "bar",
      data: { labels: categories, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, borderWidth: 0, maxBarThickness: 36 })) },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: series.length > 1, position: "bottom", labels: { boxWidth: 12, boxHeight: 12 } },
          tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label ?? ""}: ${num(Number(ctx.raw))}` } },
        },
        scales: {
          x: { stacked, beginAtZero: true, ticks: horizontal ? { precision: 0 } : { autoSkip: true, maxRotation: 60 } },
          y: { stacked, beginAtZero: true, ticks: horizontal ? { autoSkip: false } : { precision: 0 } },
        },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [JSON.stringify(categories), JSON.stringify(series), horizontal, stacked]);
  return (
    <div class={`chart-box${horizontal ? " horizontal" : ""}`} ref={box}>
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
