/**
 * Creating and updating a Chart.js chart from our configurations. Type-only imports: the Chart
 * class is passed in by Chart.svelte once its lazy chunk has loaded.
 */
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { AnyChartConfig } from './types';

/**
 * A new chart. The data is cloned: Chart.js patches the arrays it is given (to watch pushes),
 * and those are the dashboard's own.
 */
export function createChart(
  ChartClass: typeof Chart,
  context: CanvasRenderingContext2D,
  config: AnyChartConfig,
  extraPlugin: Plugin,
): Chart {
  const plugins = [...((config.plugins ?? []) as Plugin[]), extraPlugin];
  const full = { ...config, data: structuredClone(config.data), plugins } as ChartConfiguration;
  return new ChartClass(context, full);
}

/** The same chart with new data and options, redrawn at once without animation. */
export function updateChart(chart: Chart, config: AnyChartConfig): void {
  chart.data = structuredClone(config.data);
  chart.options = config.options ?? {};
  chart.update('none');
}
