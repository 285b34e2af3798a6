/**
 * Colour-blind-safe colours (Okabe & Ito, "Color Universal Design", 2008), one set per theme:
 * the darker blue is swapped for sky blue on the dark background, where it would be too dim.
 * Charts never rely on colour alone: lines also differ by dash and point shape, and every chart
 * has a table with the same numbers.
 */
import type { StreamKind } from '../domain/model';
import type { ChartTheme } from './types';

const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#999999',
} as const;

type Mode = ChartTheme['mode'];

export function kindColor(kind: StreamKind, mode: Mode): string {
  switch (kind) {
    case 'formal':
      return mode === 'dark' ? OKABE_ITO.skyBlue : OKABE_ITO.blue;
    case 'informal':
      return OKABE_ITO.orange;
    case 'microtask':
      return OKABE_ITO.green;
    case 'support':
      return OKABE_ITO.purple;
  }
}

const STREAM_ORDER: Record<Mode, string[]> = {
  light: [
    OKABE_ITO.blue,
    OKABE_ITO.orange,
    OKABE_ITO.green,
    OKABE_ITO.purple,
    OKABE_ITO.vermillion,
    OKABE_ITO.skyBlue,
    OKABE_ITO.grey,
    OKABE_ITO.yellow,
  ],
  dark: [
    OKABE_ITO.skyBlue,
    OKABE_ITO.orange,
    OKABE_ITO.green,
    OKABE_ITO.purple,
    OKABE_ITO.vermillion,
    OKABE_ITO.yellow,
    OKABE_ITO.grey,
    OKABE_ITO.blue,
  ],
};

/** The colour of the i-th series (stream, platform), cycling through the palette. */
export function seriesColor(index: number, mode: Mode): string {
  const order = STREAM_ORDER[mode];
  return order[index % order.length]!;
}

const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 4]];
const POINTS = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;

/** A dash pattern that tells the i-th line apart without colour. */
export function seriesDash(index: number): number[] {
  return DASHES[index % DASHES.length]!;
}

/** A point shape that tells the i-th line apart without colour. */
export function seriesPoint(index: number): (typeof POINTS)[number] {
  return POINTS[index % POINTS.length]!;
}

/** `#rrggbb` with an alpha, for fills and bands. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return hex;
  const n = parseInt(m[1]!, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
