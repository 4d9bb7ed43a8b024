import type { Month } from '../../domain/calendar.ts';
import { monthLabel, shortMonthLabel, yearOf } from './monthLabels.ts';
import { html, type SafeHtml } from './safeHtml.ts';

export interface ChartPoint {
  month: Month;
  /** null when the month has nothing to show (no deliveries, no NPS responses): drawn as a gap. */
  value: number | null;
}

export interface LineChart {
  /** Names the series for machines (`data-chart`), e.g. "on-time-rate". */
  series: string;
  /** Names it for people, e.g. "On-time rate". */
  title: string;
  points: readonly ChartPoint[];
  /** The value axis; values outside it are drawn at its edge. */
  min: number;
  max: number;
  ticks: readonly number[];
  format: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 20, bottom: 46, left: 56 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
const INK = '#1f2933';
const MUTED = '#6b7785';
const GRID = '#d9dee4';
const LINE = '#1d5fa8';

// Two decimals keep the markup short and the same on every run.
const coordinate = (value: number): string => String(Math.round(value * 100) / 100);

/**
 * A line chart of one series over months, as inline SVG: no script, font or stylesheet of its own,
 * so it renders offline, in print and under a CSP that allows nothing but inline styles.
 * A null month breaks the line instead of pretending to be zero.
 */
export const svgLineChart = (chart: LineChart): SafeHtml => {
  const { points, min, max } = chart;
  const xOf = (index: number): number =>
    MARGIN.left + (points.length < 2 ? PLOT_WIDTH / 2 : (PLOT_WIDTH * index) / (points.length - 1));
  const yOf = (value: number): number => {
    const clamped = Math.min(max, Math.max(min, value));
    return MARGIN.top + (PLOT_HEIGHT * (max - clamped)) / (max - min);
  };

  // Consecutive months with a value are one segment; a null month ends it.
  const segments: string[][] = [];
  let open: string[] | null = null;
  points.forEach((point, index) => {
    if (point.value === null) {
      open = null;
      return;
    }
    if (!open) segments.push((open = []));
    open.push(`${coordinate(xOf(index))} ${coordinate(yOf(point.value))}`);
  });

  const first = points[0];
  const last = points.at(-1);
  const latest = [...points].reverse().find((point) => point.value !== null);
  const span = first && last ? `${monthLabel(first.month)} to ${monthLabel(last.month)}` : 'no months';
  const latestText =
    latest && latest.value !== null ? `latest ${monthLabel(latest.month)}: ${chart.format(latest.value)}` : 'no data';
  const label = `${chart.title} by month, ${span}; ${latestText}`;
  const gaps = points.filter((point) => point.value === null).map((point) => monthLabel(point.month));
  const description = gaps.length ? `No data for ${gaps.join(', ')}.` : 'Every month has data.';

  const yAxis = chart.ticks.map((tick) => {
    const y = coordinate(yOf(tick));
    return html`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y}" y2="${y}" stroke="${tick === 0 && min < 0 ? MUTED : GRID}" stroke-width="1"/><text x="${MARGIN.left - 8}" y="${y}" dy="0.32em" text-anchor="end" font-size="12" fill="${MUTED}">${chart.format(tick)}</text>`;
  });

  const xAxis = points.map((point, index) => {
    const x = coordinate(xOf(index));
    const showYear = index === 0 || point.month.endsWith('-01');
    const tooltip = point.value === null ? `${monthLabel(point.month)}: no data` : monthLabel(point.month);
    return html`<g><title>${tooltip}</title><line x1="${x}" x2="${x}" y1="${HEIGHT - MARGIN.bottom}" y2="${HEIGHT - MARGIN.bottom + 5}" stroke="${MUTED}"/><text x="${x}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle" font-size="12" fill="${point.value === null ? MUTED : INK}"${point.value === null ? html` font-style="italic"` : ''}>${shortMonthLabel(point.month)}</text>${showYear ? html`<text x="${x}" y="${HEIGHT - MARGIN.bottom + 34}" text-anchor="middle" font-size="11" fill="${MUTED}">${yearOf(point.month)}</text>` : ''}</g>`;
  });

  const lines = segments.map(
    (segment) =>
      html`<path d="M ${segment.join(' L ')}" fill="none" stroke="${LINE}" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>`,
  );

  const dots = points.flatMap((point, index) =>
    point.value === null
      ? []
      : [
          html`<circle class="point" data-month="${point.month}" data-value="${point.value}" cx="${coordinate(xOf(index))}" cy="${coordinate(yOf(point.value))}" r="4.5" fill="${LINE}" stroke="#ffffff" stroke-width="1.5"><title>${monthLabel(point.month)}: ${chart.format(point.value)}</title></circle>`,
        ],
  );

  return html`<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${label}" data-chart="${chart.series}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="system-ui, sans-serif"><title>${label}</title><desc>${description}</desc><g class="y-axis">${yAxis}</g><line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${HEIGHT - MARGIN.bottom}" y2="${HEIGHT - MARGIN.bottom}" stroke="${MUTED}"/><g class="x-axis">${xAxis}</g><g class="series">${lines}</g><g class="points">${dots}</g></svg>`;
};
