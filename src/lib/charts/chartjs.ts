/**
 * Chart.js with only what Anyam draws registered, so tree-shaking leaves the rest out. Loaded by
 * Chart.svelte through a dynamic import: it lands in its own chunk, fetched with the first chart,
 * never with the app shell. No Filler: the shaded months are drawn by our own bands plugin, and
 * no dataset fills an area.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  LineController,
  DoughnutController,
  BarElement,
  LineElement,
  PointElement,
  ArcElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

export { Chart };
