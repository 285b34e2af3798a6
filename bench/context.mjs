// What every part of the benchmark shares: the command-line options, the results being
// collected (written to bench/results.json) and how a figure is printed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { executable } from './browser.mjs';

export const APP_DIR = 'dist-bench-app';
export const HARNESS_DIR = 'dist-bench-harness';
export const BARE_DIR = 'dist-bench-bare';
export const FLOOR_DIR = 'dist-bench-floor';
export const CPU_RATE = 4;
export const KB = 1024;
export const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  // The usage is the comment at the top of this file.
  const source = readFileSync(new URL('./run.mjs', import.meta.url), 'utf8');
  console.log(source.match(/^(?:\/\/.*\n)+/)[0].replace(/^\/\/ ?/gm, ''));
  process.exit(0);
}
export const flag = (name) => argv.includes(`--${name}`);
export const value = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
export const RUNS = Number(value('runs', 5));
/** The browser's language for the loads (bench/browser.mjs reads it); the app follows it. */
export const LOCALE = value('locale', 'en-US');
process.env.ANYAM_BENCH_LOCALE = LOCALE;
/**
 * The two 100,000-row writes (CSV import, raw put) take 30–60 s each here: up to 3 pairs, as
 * many as fit in the time budget (the whole run must stay under 10 minutes on 2 cores), at
 * least one.
 */
export const WRITE_RUNS = Number(value('write-runs', Math.min(RUNS, 3)));
export const BUDGET_S = Number(value('budget', 570));
export const ALL_PARTS = [
  'size',
  'update',
  'firstvisit',
  'cold',
  'floor',
  'bare',
  'quickadd',
  'entries',
  'search',
  'writes',
  'analytics',
  'loop',
  'projection',
  'csv',
  'merge',
  'lighthouse',
];
export const only = value('only', null);
export const PARTS = new Set(only ? only.split(',') : ALL_PARTS);
if (flag('lighthouse')) PARTS.add('lighthouse');
if (flag('no-lighthouse')) PARTS.delete('lighthouse');

export const started = performance.now();
// ---------------------------------------------------------------------------------------------
// Results and printing

export const results = {
  machine: machine(),
  measuredAt: new Date().toISOString(),
  runs: RUNS,
  writeRuns: WRITE_RUNS,
  cpuThrottlingRate: CPU_RATE,
  load: { start: loadavg().map((n) => Number(n.toFixed(2))) },
  figures: {},
  errors: [],
};

export function machine() {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(executable(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // Reported as unknown.
  }
  return {
    os: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    chromium,
  };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
export const round = (x, digits = 1) => Number(x.toFixed(digits));

export function fmt(x, unit) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (unit === 'KB') return (x / KB).toFixed(1);
  if (unit === 'MB') return (x / MB).toFixed(1);
  if (unit === '×') return x.toFixed(2);
  if (unit === 'rows/s') return Math.round(x).toLocaleString('en-US');
  if (unit === 'score' || unit === 'n') return String(Math.round(x));
  return Math.abs(x) >= 100 ? String(Math.round(x)) : x.toFixed(1);
}

/**
 * Records and prints one figure. `samples` in the base unit (bytes for KB/MB). `goal`:
 * { text, holds: boolean } (the comparison is made by the caller, who knows what it is of).
 */
export function figure(id, label, unit, samples, { goal = null, note = null, extra = {} } = {}) {
  const xs = samples.filter((x) => typeof x === 'number' && !Number.isNaN(x));
  const fig = {
    label,
    unit,
    median: xs.length ? median(xs) : null,
    min: xs.length ? Math.min(...xs) : null,
    max: xs.length ? Math.max(...xs) : null,
    samples: xs.map((x) => round(x, 2)),
    goal: goal?.text ?? null,
    held: goal ? goal.holds : null,
    note,
    ...extra,
  };
  results.figures[id] = fig;
  const range = xs.length > 1 ? `(min ${fmt(fig.min, unit)} – max ${fmt(fig.max, unit)})` : '';
  const goalText = goal ? `goal ${goal.text} ${goal.holds ? '✓' : '✗'}` : '';
  console.log(
    `${label.padEnd(50)} ${fmt(fig.median, unit).padStart(9)} ${unit.padEnd(6)} ${range.padEnd(28)} ${goalText}${note ? `  [${note}]` : ''}`.trimEnd(),
  );
  return fig;
}

export function heading(text) {
  console.log(`\n── ${text} ${'─'.repeat(Math.max(0, 90 - text.length))}`);
}

export function warn(message) {
  results.warnings = [...(results.warnings ?? []), message];
  console.log(`! ${message}`);
}

export function failed(part, error) {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  results.errors.push({ part, message });
  console.log(`✗ ${part}: ${message}`);
}

/** One part of the benchmark: its failure is printed and recorded, and the run goes on. */
export async function part(name, scope) {
  try {
    await scope();
  } catch (error) {
    failed(name, error);
    if (process.env.BENCH_DEBUG) console.error(error);
  }
}

export function fatal(message, error) {
  console.error(`bench: ${message}${error ? `: ${error.message ?? error}` : ''}`);
  process.exit(2);
}

export function elapsed() {
  return `${((performance.now() - started) / 1000).toFixed(0)} s`;
}
