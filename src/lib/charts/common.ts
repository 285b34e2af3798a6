/** Pieces every chart shares: no animation, theme colours on axes, legend and tooltips. */
import type { ChartTheme } from './types';

/**
 * Options common to all charts. Animation is off: charts appear at once, update in place without
 * movement (prefers-reduced-motion) and render synchronously, so "drawn" is known right away.
 */
export function baseOptions(theme: ChartTheme) {
  return {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    color: theme.text,
    font: { family: theme.font },
    interaction: { mode: 'index' as const, intersect: false },
    plugins: {
      legend: {
        position: 'bottom' as const,
        labels: {
          color: theme.text,
          font: { family: theme.font },
          usePointStyle: true,
          boxWidth: 10,
          boxHeight: 10,
        },
      },
      tooltip: {
        titleFont: { family: theme.font },
        bodyFont: { family: theme.font },
      },
    },
  };
}

/** A category x axis (months, platforms) in theme colours. */
export function categoryAxis(theme: ChartTheme, extra: Record<string, unknown> = {}) {
  return {
    type: 'category' as const,
    grid: { display: false },
    border: { color: theme.grid },
    ticks: { color: theme.muted, font: { family: theme.font }, maxRotation: 0, autoSkipPadding: 8 },
    ...extra,
  };
}

/**
 * Ticks whose labels would repeat a previous one are dropped: money in minor units on a small
 * range ("₱0.01 ₱0.01 ₱0.01") or compact labels ("Rp 4,8 jt" twice) would otherwise draw an
 * axis of identical labels that says nothing.
 */
export function distinctTicks<T extends { value: number }>(
  ticks: readonly T[],
  format: (value: number) => string,
): T[] {
  const seen = new Set<string>();
  return ticks.filter((tick) => {
    const label = format(Number(tick.value));
    if (seen.has(label)) return false;
    seen.add(label);
    return true;
  });
}

/**
 * A linear value axis whose ticks are formatted by `format`. A horizontal axis of money gets
 * fewer ticks: "IDR 20K" labels side by side overlap on a phone.
 */
export function valueAxis(
  theme: ChartTheme,
  format: (value: number) => string,
  extra: Record<string, unknown> = {},
  maxTicks = 6,
) {
  return {
    type: 'linear' as const,
    grid: { color: theme.grid },
    border: { display: false },
    ticks: {
      color: theme.muted,
      font: { family: theme.font },
      maxTicksLimit: maxTicks,
      callback: (value: number | string) => format(Number(value)),
    },
    afterBuildTicks: (axis: { ticks: { value: number }[] }) => {
      axis.ticks = distinctTicks(axis.ticks, format);
    },
    ...extra,
  };
}

/**
 * A cell of a table: the formatted value, or `unknown` when there is none (a dash by default; the
 * dashboard passes a word, so that no cell is a bare "—").
 */
export function cell(
  value: number | null | undefined,
  format: (v: number) => string,
  unknown = '—',
): string {
  return value === null || value === undefined || Number.isNaN(value) ? unknown : format(value);
}

/**
 * True when a chart would draw nothing but an axis: no value that is not zero (or missing). A
 * chart of zeros draws a "₱0.01 … ₱0" axis that says nothing; its card says a sentence instead.
 */
export function allZero(...lines: readonly (ArrayLike<number | null> | undefined)[]): boolean {
  for (const line of lines) {
    if (!line) continue;
    for (let i = 0; i < line.length; i++) {
      const v = line[i];
      if (v !== null && v !== undefined && v !== 0 && !Number.isNaN(v)) return false;
    }
  }
  return true;
}

/**
 * A category label on lines of at most `width` characters, split at spaces: a long stream name
 * ("From Tito Ramon in Dubai") on a phone's narrow axis is cut off otherwise. A short name, or
 * one word, stays one string.
 */
export function wrapLabel(text: string, width = 16): string | string[] {
  if (text.length <= width) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.length === 1 ? lines[0]! : lines;
}
