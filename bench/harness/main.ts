/**
 * The benchmark harness: a page served at the app's origin (under /__bench/) that imports the
 * app's own modules, so that it can seed the app's IndexedDB ('anyam') and time the repository,
 * the analytics and the CSV import in the same browser the app runs in. bench/run.mjs drives it
 * through `window.anyamBench`. Never shipped: built into dist-bench-harness by bench/vite.config.ts.
 */
import Dexie from 'dexie';
import {
  DATABASE_NAME,
  getDb,
  openDatabase,
  useDatabase,
  type AnyamDatabase,
} from '../../src/lib/db/database';
import {
  addEntries,
  addEntry,
  listRollups,
  loadSampleHousehold,
  rebuildRollups,
  saveSettings,
} from '../../src/lib/db/repo';
import { computeDashboard } from '../../src/lib/domain/dashboard';
import { todayIso } from '../../src/lib/domain/dates';
import type { Entry, HouseholdTables, Member, Rollup, Stream } from '../../src/lib/domain/model';
import { minorToDecimalString } from '../../src/lib/domain/money';
import { monthlyLoop } from '../../src/lib/domain/monthly-loop';
import { readMonthlyLoop } from '../../src/lib/db/repo/due';
import { readProjectionRows } from '../../src/lib/db/repo/projection';
import { projectionOf } from '../../src/lib/domain/projection-flows';
import { lastCompleteMonth } from '../../src/lib/domain/months';
import { payReport } from '../../src/lib/domain/pay';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import { analyticsHousehold, benchHousehold } from '../dataset';
import { checkCsv, csvAvailable, guessMapping, importCsv, readCsvFile } from './csv';
import { mergePreviewRuns } from './merge';

const BASE = 'IDR';
export type SeedKind = 'empty' | 'sample' | '100k';
/** How 100,000 entries reach the database (docs/performance.md has the measured times). */
export type SeedRoute = 'bulkput-rebuild' | 'add-entries' | 'one-transaction';

// ---- long tasks: buffered from the start, read per measured window ----
const longTasks: { start: number; duration: number }[] = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No longtask support: the longest task reads as 0.
}
function longestTaskBetween(from: number, to: number) {
  const inside = longTasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  const longest = inside.reduce<{ start: number; duration: number } | null>(
    (max, t) => (max === null || t.duration > max.duration ? t : max),
    null,
  );
  return {
    longestTaskMs: longest?.duration ?? 0,
    /** ms after `from` at which the longest task started. */
    longestTaskAt: longest ? longest.start - from : null,
    longTasks: inside.length,
    longTasksMs: inside.reduce((sum, t) => sum + t.duration, 0),
  };
}

// ---- the dataset, built once per page ----
let large: HouseholdTables | null = null;
function largeHousehold(): HouseholdTables {
  large ??= benchHousehold(100_000);
  return large;
}
function smallTables(tables: HouseholdTables) {
  const { settings: _settings, entries: _entries, ...rest } = tables;
  return { ...rest, entries: [] as Entry[] };
}
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `scope` against a fresh database `name` (deleted before and after), then restores 'anyam'. */
async function withScratchDatabase<T>(name: string, scope: (db: AnyamDatabase) => Promise<T>) {
  await Dexie.delete(name);
  const db = openDatabase(name);
  const previous = useDatabase(db);
  try {
    return await scope(db);
  } finally {
    // disableAutoOpen: a late query must not reopen it and block the delete below.
    db.close({ disableAutoOpen: true });
    useDatabase(previous ?? openDatabase(DATABASE_NAME));
    await Dexie.delete(name);
  }
}

/** Settings, then members, streams, plans, savings, rates and training through the repository. */
async function seedHousehold(tables: HouseholdTables, name = 'Bench') {
  // As onboarding does: the currency first (rollups converted once), the name last.
  await saveSettings({ householdName: '', baseCurrency: BASE });
  await loadSampleHousehold(smallTables(tables));
  return name;
}

async function writeEntries(entries: Entry[], route: SeedRoute, chunk: number) {
  const db = getDb();
  if (route === 'add-entries') {
    for (let i = 0; i < entries.length; i += chunk) await addEntries(entries.slice(i, i + chunk));
  } else {
    for (let i = 0; i < entries.length; i += chunk)
      await db.entries.bulkPut(entries.slice(i, i + chunk));
    await rebuildRollups();
  }
}

/** The stored rollups equal the ones computed from the entries in memory (key by key). */
function sameRollups(
  stored: Rollup[],
  truth: Rollup[],
): { ok: boolean; rows: number; problem?: string } {
  if (stored.length !== truth.length) {
    return {
      ok: false,
      rows: stored.length,
      problem: `${stored.length} rows, expected ${truth.length}`,
    };
  }
  const byKey = new Map(stored.map((r) => [r.key, r]));
  for (const t of truth) {
    const s = byKey.get(t.key);
    if (!s) return { ok: false, rows: stored.length, problem: `missing ${t.key}` };
    for (const field of [
      'amountMinor',
      'baseMinor',
      'count',
      'missingRateCount',
      'paidMinutes',
    ] as const) {
      if (s[field] !== t[field]) {
        return {
          ok: false,
          rows: stored.length,
          problem: `${t.key}.${field}: ${s[field]} ≠ ${t[field]}`,
        };
      }
    }
  }
  return { ok: true, rows: stored.length };
}

async function seed(
  kind: SeedKind,
  options: { route?: SeedRoute; chunk?: number; size?: number } = {},
) {
  const t0 = performance.now();
  const db = getDb();
  if ((await db.settings.count()) > 0) throw new Error(`database '${db.name}' is not empty`);
  let check: ReturnType<typeof sameRollups> | null = null;
  let entriesMs = 0;
  if (kind === 'empty') {
    await saveSettings({ householdName: 'Bench', baseCurrency: BASE });
  } else if (kind === 'sample') {
    await saveSettings({ householdName: '', baseCurrency: BASE });
    await loadSampleHousehold(buildSampleHousehold(todayIso(), new Date().toISOString(), BASE));
    await saveSettings({ householdName: 'Bench' });
    const [entries, rates] = await Promise.all([db.entries.toArray(), db.rates.toArray()]);
    check = sameRollups(await listRollups(), rollupsFromEntries(entries, rates, BASE));
  } else {
    // addEntries in 10,000-entry slices: the repository's own validated write path, and the
    // fastest of the three (bench/run.mjs --seed-experiment; docs/performance.md).
    const route = options.route ?? 'add-entries';
    const tables = options.size ? benchHousehold(options.size) : largeHousehold();
    const t1 = performance.now();
    if (route === 'one-transaction') {
      await saveSettings({ householdName: '', baseCurrency: BASE });
      await loadSampleHousehold({ ...smallTables(tables), entries: tables.entries });
    } else {
      await seedHousehold(tables);
      await writeEntries(tables.entries, route, options.chunk ?? 10_000);
    }
    entriesMs = performance.now() - t1;
    await saveSettings({ householdName: 'Bench' });
    check = sameRollups(
      await listRollups(),
      rollupsFromEntries(tables.entries, tables.rates, BASE),
    );
  }
  return {
    kind,
    route: options.route ?? null,
    ms: performance.now() - t0,
    entriesMs,
    entries: await db.entries.count(),
    rollups: await db.rollups.count(),
    rollupsMatch: check,
  };
}

/** Seeding routes compared on a scratch database (bench/run.mjs --seed-experiment). */
async function seedExperiment(route: SeedRoute, size = 100_000, chunk = 10_000) {
  return withScratchDatabase('anyam-bench-seed', async () => seed('100k', { route, size, chunk }));
}

function entryRows(n: number): Entry[] {
  // The most recent entries: every foreign one has a rate in force.
  const all = largeHousehold().entries;
  return all.slice(Math.max(0, all.length - n));
}

/** `n` entries added one by one through addEntry (rollups in the same transaction). */
async function addOneByOne(n = 1_000) {
  const rows = entryRows(n);
  return withScratchDatabase('anyam-bench-writes', async (db) => {
    await seedHousehold(largeHousehold());
    const t0 = performance.now();
    for (const row of rows) await addEntry(row);
    const ms = performance.now() - t0;
    const check = sameRollups(
      await listRollups(),
      rollupsFromEntries(rows, largeHousehold().rates, BASE),
    );
    return { n, ms, stored: await db.entries.count(), rollupsMatch: check };
  });
}

/** The same `n` rows with one plain Dexie bulkPut (no validation, no rollups): the floor. */
async function bulkPutBaseline(n = 1_000) {
  const rows = entryRows(n);
  return withScratchDatabase('anyam-bench-writes', async (db) => {
    await seedHousehold(largeHousehold());
    const t0 = performance.now();
    await db.entries.bulkPut(rows);
    const ms = performance.now() - t0;
    return { n, ms, stored: await db.entries.count() };
  });
}

/** computeDashboard + payReport over the rollups of 10 years × 20 streams; times in ms. */
function analytics(runs = 5) {
  const tables = analyticsHousehold();
  const rollups = rollupsFromEntries(tables.entries, tables.rates, BASE);
  const today = todayIso();
  const input = {
    rollups,
    streams: tables.streams,
    plans: tables.plans,
    savings: tables.savings,
    rates: tables.rates,
    training: tables.training,
    baseCurrency: BASE,
    today,
  };
  const once = () => {
    const t0 = performance.now();
    const dash = computeDashboard(input);
    const pay = payReport({
      rollups,
      streams: tables.streams,
      training: tables.training,
      until: lastCompleteMonth(today),
    });
    const ms = performance.now() - t0;
    if (dash.series.months.length < 100 || pay.byPlatform.length === 0) {
      throw new Error(`unexpected analytics output: ${dash.series.months.length} months`);
    }
    return { ms, months: dash.series.months.length };
  };
  const first = once();
  const samples = Array.from({ length: runs }, () => once().ms);
  return {
    first: first.ms,
    samples,
    months: first.months,
    streams: tables.streams.length,
    rollupRows: rollups.length,
  };
}

/**
 * The due list and the month card on the 100k-entry household: read (the month's rollups, the
 * pay-day streams' entries around the month, the window's payments and skips through indexes;
 * the debts, their repayments, the groups and their rounds) and computed, instalments and
 * contributions included, as the dashboard does on every change. Seeds a scratch database once
 * per call. The read and the computation are also timed apart (same runs), to show where the
 * time goes.
 */
async function monthlyLoopBench(runs = 5) {
  return withScratchDatabase('anyam-bench-loop', async (db) => {
    const tables = largeHousehold();
    await seedHousehold(tables);
    await writeEntries(tables.entries, 'add-entries', 10_000);
    const today = todayIso();
    const once = async () => {
      const t0 = performance.now();
      const rows = await readMonthlyLoop(today);
      const t1 = performance.now();
      const loop = monthlyLoop(rows, today);
      const t2 = performance.now();
      return { ms: t2 - t0, readMs: t1 - t0, computeMs: t2 - t1, rows, loop };
    };
    const first = await once();
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await once());
    const { rows, loop } = first;
    return {
      first: first.ms,
      samples: all.map((r) => r.ms),
      readMs: all.map((r) => r.readMs),
      computeMs: all.map((r) => r.computeMs),
      entriesStored: await db.entries.count(),
      entriesRead: rows.entries.length,
      rollupsRead: rows.rollups.length,
      paymentsRead: rows.payments.length,
      payDayStreams: rows.streams.filter((s) => s.payDay !== null).length,
      debtsRead: rows.debts?.length ?? 0,
      repaymentsRead: rows.repayments?.length ?? 0,
      groupsRead: rows.groups?.length ?? 0,
      groupPaymentsRead: rows.groupPayments?.length ?? 0,
      due: loop.due.length,
      bills: loop.glance.bills.length,
      instalmentsDue: loop.instalmentsNow.length + loop.instalmentsSoon.length,
      instalmentsOfMonth: loop.instalments.items.length,
      contributionsDue: loop.groups.contributions.length,
      potsDue: loop.groups.pots.length,
    };
  });
}

/**
 * The next 60 days on the 100k-entry household, as the dashboard's card does it: the window's
 * payments, skips and pay-day entries read through indexes, then the projection computed from
 * them, the small tables and the rollups the dashboard already holds (read once, not timed).
 */
async function projectionBench(runs = 5) {
  return withScratchDatabase('anyam-bench-projection', async (db) => {
    const tables = largeHousehold();
    await seedHousehold(tables);
    await writeEntries(tables.entries, 'add-entries', 10_000);
    const today = todayIso();
    const rollups = await listRollups();
    const [streams, plans, places, savings, rates] = await Promise.all([
      db.streams.toArray(),
      db.plans.toArray(),
      db.places.toArray(),
      db.savings.toArray(),
      db.rates.toArray(),
    ]);
    const once = async () => {
      const t0 = performance.now();
      const rows = await readProjectionRows(today);
      const t1 = performance.now();
      const result = projectionOf({
        today,
        baseCurrency: BASE,
        rates,
        streams,
        plans,
        places,
        savings,
        rollups,
        ...rows,
      });
      const t2 = performance.now();
      return { ms: t2 - t0, computeMs: t2 - t1, rows, result };
    };
    const first = await once();
    const samples: number[] = [];
    const compute: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await once();
      samples.push(r.ms);
      compute.push(r.computeMs);
    }
    return {
      first: first.ms,
      samples,
      compute,
      entriesStored: await db.entries.count(),
      entriesRead: first.rows.entries.length,
      rollups: rollups.length,
      flows: first.result.flows.length,
      projected: first.result.projection !== null,
    };
  });
}

// ---- CSV import vs raw IndexedDB ----

const CSV_HEADER = [
  'member',
  'stream',
  'kind',
  'platform',
  'date',
  'amount',
  'currency',
  'status',
  'paid_minutes',
  'unpaid_minutes',
  'note',
];
function cell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}
function csvText(entries: Entry[], members: Member[], streams: Stream[]): string {
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  const streamById = new Map(streams.map((s) => [s.id, s]));
  const lines = [CSV_HEADER.join(',')];
  for (const e of entries) {
    const s = streamById.get(e.streamId)!;
    lines.push(
      [
        memberName.get(e.memberId) ?? '',
        s.name,
        s.kind,
        s.platform,
        e.date,
        minorToDecimalString(e.amountMinor, e.currency),
        e.currency,
        e.status,
        String(e.paidMinutes),
        String(e.unpaidMinutes),
        e.note,
      ]
        .map(cell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** CSV import of `n` rows, from a Blob (as a picked file) to committed entries and rollups. */
async function csvImport(n = 100_000) {
  if (!csvAvailable) throw new Error('the CSV import did not build');
  const tables = largeHousehold();
  const rows = tables.entries.slice(Math.max(0, tables.entries.length - n));
  n = rows.length;
  const blob = new Blob([csvText(rows, tables.members, tables.streams)], { type: 'text/csv' });
  return withScratchDatabase('anyam-bench-csv', async (db) => {
    await seedHousehold(tables);
    await nextFrame();
    const t0 = performance.now();
    const text = await readCsvFile(blob);
    const headers = text.slice(0, text.indexOf('\r\n')).split(',');
    const report = await checkCsv(text, {
      mapping: guessMapping(headers),
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: '.',
    });
    const t1 = performance.now();
    if (report.errors.length > 0 || report.rows.length !== n) {
      throw new Error(
        `CSV check of ${n} rows (${blob.size} bytes, ${text.length} chars read): ${report.totalRows} rows seen, ` +
          `${report.rows.length} good, ${report.errors.length} errors (first ${JSON.stringify(report.errors[0])}), ` +
          `${report.unknownStreams.length} unknown streams, delimiter ${JSON.stringify(report.options.delimiter)}`,
      );
    }
    const result = await importCsv(report, {});
    const t2 = performance.now();
    const stored = await db.entries.count();
    const check = sameRollups(await listRollups(), rollupsFromEntries(rows, tables.rates, BASE));
    const tasks = longestTaskBetween(t0, t2);
    return {
      n,
      ms: t2 - t0,
      longestTaskPhase:
        tasks.longestTaskAt === null ? null : tasks.longestTaskAt < t1 - t0 ? 'check' : 'write',
      checkMs: t1 - t0,
      writeMs: t2 - t1,
      rowsPerSecond: (n / (t2 - t0)) * 1000,
      added: result.added,
      stored,
      rollupsMatch: check,
      bytes: blob.size,
      ...tasks,
    };
  });
}

/**
 * The same `n` rows put with raw IndexedDB into a store with the entries table's own key and
 * indexes, one transaction: the storage floor the import is compared with.
 */
async function rawPut(n = 100_000) {
  const tables = largeHousehold();
  const rows = tables.entries.slice(Math.max(0, tables.entries.length - n));
  n = rows.length;
  // The app's entries schema, as Dexie declares it (primary key and every index).
  const schemaDb = openDatabase('anyam-bench-schema');
  await schemaDb.open();
  const spec = schemaDb.entries.schema;
  const indexes = spec.indexes.map((i) => ({
    name: i.name,
    keyPath: i.keyPath!,
    unique: !!i.unique,
    multi: !!i.multi,
  }));
  const primary = spec.primKey.keyPath as string;
  schemaDb.close({ disableAutoOpen: true });
  await Dexie.delete('anyam-bench-schema');
  const name = 'anyam-bench-raw';
  await Dexie.delete(name);
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('entries', { keyPath: primary });
      for (const i of indexes)
        store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multi });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
  });
  await nextFrame();
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction('entries', 'readwrite');
    const store = tx.objectStore('entries');
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('put failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
  const ms = performance.now() - t0;
  idb.close();
  await Dexie.delete(name);
  return {
    n,
    ms,
    rowsPerSecond: (n / ms) * 1000,
    indexes: indexes.map((i) => i.name),
    ...longestTaskBetween(t0, t0 + ms),
  };
}

/** Deletes the app's database (a profile is seeded once; this is for reruns by hand). */
async function reset() {
  getDb().close({ disableAutoOpen: true });
  useDatabase(openDatabase(DATABASE_NAME));
  await Dexie.delete(DATABASE_NAME);
}

/** The merge preview against the 100k household (bench/merge.mjs), on a scratch database. */
async function mergePreviewBench(runs = 5, fullRuns = 3) {
  return withScratchDatabase('anyam-bench-merge', async () => {
    const tables = largeHousehold();
    await seedHousehold(tables);
    await writeEntries(tables.entries, 'add-entries', 10_000);
    await saveSettings({ householdName: 'Bench' });
    return mergePreviewRuns(runs, fullRuns);
  });
}

const api = {
  seed,
  mergePreviewBench,
  seedExperiment,
  addOneByOne,
  bulkPutBaseline,
  analytics,
  monthlyLoopBench,
  projectionBench,
  csvImport,
  rawPut,
  reset,
  csvAvailable,
  datasetSize: () => {
    const t = largeHousehold();
    return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (v as unknown[]).length]));
  },
};
(window as unknown as { anyamBench: typeof api }).anyamBench = api;
document.getElementById('status')!.textContent = 'ready';
