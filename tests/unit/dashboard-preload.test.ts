// Issue 29, "no waves": the build lists the chunks a returning dashboard needs before its score
// (scripts/dashboard-preload.mjs); early-start imports them at once.
import { describe, expect, it } from 'vitest';
import {
  MAX_DASHBOARD_CHUNKS,
  dashboardChunks,
  dashboardTexts,
} from '../../scripts/dashboard-preload.mjs';

interface FakeChunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  moduleIds: string[];
  imports: string[];
}

function chunk(fileName: string, moduleIds: string[], imports: string[] = []): FakeChunk {
  return {
    type: 'chunk',
    fileName,
    isEntry: fileName.startsWith('assets/index-'),
    moduleIds,
    imports,
  };
}

function bundle(...chunks: FakeChunk[]) {
  return Object.fromEntries(chunks.map((c) => [c.fileName, c]));
}

const entry = chunk(
  'assets/index-AAAAAAAA.js',
  ['/app/src/main.ts'],
  ['assets/runtime-BBBBBBBB.js'],
);
const runtime = chunk('assets/runtime-BBBBBBBB.js', ['/app/runtime.js']);

describe('dashboardChunks', () => {
  it('lists every chunk the view, the household gate and the early read import, less what the entry loads', () => {
    const listed = dashboardChunks(
      bundle(
        entry,
        runtime,
        chunk(
          'assets/DashboardView-CCCCCCCC.js',
          ['/app/src/views/dashboard/DashboardView.svelte'],
          ['assets/dashboard-math-DDDDDDDD.js', 'assets/runtime-BBBBBBBB.js'],
        ),
        chunk(
          'assets/dashboard-math-DDDDDDDD.js',
          ['/app/src/lib/domain/dashboard.ts'],
          ['assets/months-EEEEEEEE.js'],
        ),
        chunk('assets/months-EEEEEEEE.js', ['/app/src/lib/domain/months.ts']),
        chunk(
          'assets/ShellData-FFFFFFFF.js',
          ['/app/src/components/ShellData.svelte'],
          ['assets/settings-GGGGGGGG.js'],
        ),
        chunk('assets/settings-GGGGGGGG.js', [
          '/app/src/lib/db/open-early.ts',
          '/app/src/lib/state/household.svelte.ts',
          '/app/src/lib/db/database.ts',
        ]),
        // Imported dynamically only: never listed.
        chunk('assets/DashboardCharts-HHHHHHHH.js', [
          '/app/src/views/dashboard/DashboardCharts.svelte',
        ]),
        chunk('assets/chartjs-IIIIIIII.js', ['/app/node_modules/chart.js/dist/chart.js']),
      ),
    );
    expect(listed).toEqual([
      'assets/DashboardView-CCCCCCCC.js',
      'assets/ShellData-FFFFFFFF.js',
      'assets/dashboard-math-DDDDDDDD.js',
      'assets/months-EEEEEEEE.js',
      'assets/settings-GGGGGGGG.js',
    ]);
  });

  it('refuses a build whose score would wait for Chart.js, the chart cards, the lock or backups', () => {
    for (const late of [
      'assets/chartjs-IIIIIIII.js',
      'assets/DashboardCharts-HHHHHHHH.js',
      'assets/LockScreen-JJJJJJJJ.js',
      'assets/backup-KKKKKKKK.js',
    ]) {
      expect(() =>
        dashboardChunks(
          bundle(
            entry,
            runtime,
            chunk(
              'assets/DashboardView-CCCCCCCC.js',
              ['/app/src/views/dashboard/DashboardView.svelte'],
              [late],
            ),
            chunk(late, ['/app/late.ts']),
            chunk('assets/ShellData-FFFFFFFF.js', ['/app/src/components/ShellData.svelte']),
            chunk('assets/open-early-LLLLLLLL.js', [
              '/app/src/lib/db/open-early.ts',
              '/app/src/lib/state/household.svelte.ts',
            ]),
          ),
        ),
      ).toThrow(/would wait for/);
    }
  });

  it('refuses a dashboard split into more files than MAX_DASHBOARD_CHUNKS (each costs the first task)', () => {
    const parts = (n: number) =>
      Array.from({ length: n }, (_, i) => `assets/part${i}-${String(i).padStart(8, 'P')}.js`);
    const split = (n: number) =>
      bundle(
        entry,
        runtime,
        chunk(
          'assets/DashboardView-CCCCCCCC.js',
          ['/app/src/views/dashboard/DashboardView.svelte'],
          parts(n),
        ),
        ...parts(n).map((f, i) => chunk(f, [`/app/part${i}.ts`])),
        chunk('assets/ShellData-FFFFFFFF.js', ['/app/src/components/ShellData.svelte']),
        chunk('assets/open-early-LLLLLLLL.js', [
          '/app/src/lib/db/open-early.ts',
          '/app/src/lib/state/household.svelte.ts',
        ]),
      );
    // The view, the gate and the early read's chunk are three files of the limit.
    expect(dashboardChunks(split(MAX_DASHBOARD_CHUNKS - 3))).toHaveLength(MAX_DASHBOARD_CHUNKS);
    expect(() => dashboardChunks(split(MAX_DASHBOARD_CHUNKS - 2))).toThrow(/at most 10/);
  });

  it('says so when a root is missing from the build, rather than listing less', () => {
    expect(() => dashboardChunks(bundle(entry, runtime))).toThrow(/no chunk holds/);
  });
});

describe('dashboardTexts', () => {
  it("lists the chunks' texts files by language, under the base, for the chunks that have some", () => {
    const texts = dashboardTexts(
      {
        'assets/a-AAAAAAAA.js': {
          type: 'chunk',
          fileName: 'assets/a-AAAAAAAA.js',
          code: 'const e=await globalThis.__anyamTr(import.meta.url,{id:`./tr-a-id-11111111.js`,vi:`./tr-a-vi-22222222.js`});',
        },
        'assets/b-BBBBBBBB.js': { type: 'chunk', fileName: 'assets/b-BBBBBBBB.js', code: 'x();' },
        'assets/c-CCCCCCCC.js': {
          type: 'chunk',
          fileName: 'assets/c-CCCCCCCC.js',
          code: 'const e=await globalThis.__anyamTr(import.meta.url,{id:`./tr-c-id-33333333.js`,vi:`./tr-c-vi-44444444.js`});',
        },
      },
      ['assets/a-AAAAAAAA.js', 'assets/b-BBBBBBBB.js', 'assets/c-CCCCCCCC.js'],
      '/',
    );
    expect(texts).toBe(
      'id:/assets/tr-a-id-11111111.js,/assets/tr-c-id-33333333.js vi:/assets/tr-a-vi-22222222.js,/assets/tr-c-vi-44444444.js',
    );
  });
});
