import type { Chart } from 'chart.js';
import { describe, expect, it, vi } from 'vitest';
import { bandsPlugin } from '../../src/lib/charts/bands';
import { baseOptions } from '../../src/lib/charts/common';
import { kindColor, seriesColor, withAlpha } from '../../src/lib/charts/palette';
import type { ChartTheme } from '../../src/lib/charts/types';
import { STREAM_KINDS } from '../../src/lib/domain/model';

const theme: ChartTheme = {
  mode: 'light',
  text: '#111111',
  muted: '#555555',
  grid: '#cccccc',
  surface: '#ffffff',
  danger: '#aa0000',
  accent: '#0f5c4d',
  font: 'system-ui',
};

describe('palette', () => {
  it('gives each kind its own colour in both themes', () => {
    for (const mode of ['light', 'dark'] as const) {
      const colours = STREAM_KINDS.map((k) => kindColor(k, mode));
      expect(new Set(colours).size).toBe(STREAM_KINDS.length);
    }
  });

  it('cycles through eight distinct series colours', () => {
    const first = Array.from({ length: 8 }, (_, i) => seriesColor(i, 'dark'));
    expect(new Set(first).size).toBe(8);
    expect(seriesColor(8, 'dark')).toBe(seriesColor(0, 'dark'));
  });

  it('adds an alpha to a hex colour', () => {
    expect(withAlpha('#0072B2', 0.5)).toBe('rgba(0, 114, 178, 0.5)');
    expect(withAlpha('red', 0.5)).toBe('red');
  });
});

describe('common options', () => {
  it('turns animation off and uses the theme text colour', () => {
    const options = baseOptions(theme);
    expect(options.animation).toBe(false);
    expect(options.plugins.legend.labels.color).toBe(theme.text);
  });
});

describe('bands plugin', () => {
  function fakeChart(labels: number) {
    const calls: { fill: number[][]; lines: number[] } = { fill: [], lines: [] };
    const ctx = {
      save: vi.fn(),
      restore: vi.fn(),
      beginPath: vi.fn(),
      rect: vi.fn(),
      clip: vi.fn(),
      moveTo: (x: number) => calls.lines.push(x),
      lineTo: vi.fn(),
      stroke: vi.fn(),
      fillRect: (x: number, y: number, w: number, h: number) => calls.fill.push([x, y, w, h]),
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 1,
    };
    const chart = {
      ctx,
      chartArea: { top: 10, bottom: 110, left: 0, right: 100 },
      data: { labels: Array.from({ length: labels }, (_, i) => String(i)) },
      scales: { x: { getPixelForValue: (i: number) => 5 + i * 10 } },
    } as unknown as Chart;
    return { chart, calls };
  }

  it('shades whole categories and draws lines through a category centre', () => {
    const { chart, calls } = fakeChart(10);
    bandsPlugin.beforeDatasetsDraw!(
      chart,
      { cancelable: true },
      {
        bands: [
          { index: 2, color: 'red', style: 'fill' },
          { index: 5, color: 'blue', style: 'line' },
          { index: 12, color: 'red', style: 'fill' },
        ],
      },
    );
    expect(calls.fill).toEqual([[20, 10, 10, 100]]);
    expect(calls.lines).toEqual([55]);
  });
});

describe('value axes', () => {
  it('never keep two ticks with the same label', async () => {
    const { valueAxis, distinctTicks } = await import('../../src/lib/charts/common');
    const cents = (v: number) => `₱${(Math.round(v) / 100).toFixed(2)}`;
    const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((value) => ({ value }));
    expect(distinctTicks(ticks, cents).map((t) => cents(t.value))).toEqual(['₱0.00', '₱0.01']);
    const axis = { ticks };
    valueAxis(theme, cents).afterBuildTicks(axis);
    const labels = axis.ticks.map((t) => cents(t.value));
    expect(new Set(labels).size).toBe(labels.length);
  });
});
