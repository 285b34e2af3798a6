/**
 * A tiny inline Chart.js plugin: shades whole categories of the x axis (dip months, months with a
 * missing exchange rate) and draws thin markers (a training's month). The annotation plugin
 * would be 40 kB for this. Its options travel in `options.plugins.anyamBands`, so updating the
 * chart's options updates the bands without re-creating the chart.
 */
import type { Chart, ChartType, Plugin } from 'chart.js';

export interface Band {
  /** Index of the category on the x axis. */
  index: number;
  color: string;
  /** 'fill' shades the whole category; 'line' draws a vertical line through its centre. */
  style: 'fill' | 'line';
}

export interface BandsOptions {
  bands: Band[];
}

declare module 'chart.js' {
  // The type parameter must match Chart.js's own declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    anyamBands?: BandsOptions;
  }
}

export const bandsPlugin: Plugin<ChartType, BandsOptions> = {
  id: 'anyamBands',
  beforeDatasetsDraw(chart: Chart, _args, options: BandsOptions | undefined) {
    const bands = options?.bands ?? [];
    const x = chart.scales.x;
    if (bands.length === 0 || !x) return;
    const { top, bottom, left, right } = chart.chartArea;
    const count = chart.data.labels?.length ?? 0;
    // Bars sit between ticks, line points on them: the distance between two centres fits both.
    const step = count > 1 ? Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)) : right - left;
    const ctx = chart.ctx;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, right - left, bottom - top);
    ctx.clip();
    for (const band of bands) {
      if (band.index < 0 || band.index >= count) continue;
      const centre = x.getPixelForValue(band.index);
      ctx.fillStyle = band.color;
      ctx.strokeStyle = band.color;
      if (band.style === 'fill') {
        const width = Math.max(step, 2);
        ctx.fillRect(centre - width / 2, top, width, bottom - top);
      } else {
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(centre, top);
        ctx.lineTo(centre, bottom);
        ctx.stroke();
      }
    }
    ctx.restore();
  },
};
