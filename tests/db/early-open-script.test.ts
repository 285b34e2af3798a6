import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_NAME } from '../../src/lib/db/database-name';
import { takeEarlyOpen, type WarmDatabase } from '../../src/lib/db/warm-database';
import { DEVICE_KEY } from '../../src/lib/state/device.svelte';
import {
  existingDatabase,
  expectDeletionGoesThrough,
  expectUpgradeGoesThrough,
  watchedFactory,
  type Watched,
} from './plain-connection';

/**
 * Issue 29: a returning visit asks for its database's files from index.html's first script,
 * before any module has arrived. The script itself is run here, as the page holds it: it must
 * read the device record the app writes, open the app's database only for a returning visit,
 * never create one, give way to an upgrade or a deletion at once, and close its connection once
 * the page releases it or after 10 s.
 */
const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
const [, firstScript] = /<head>[\s\S]*?<script>([\s\S]*?)<\/script>/.exec(html) ?? [];

interface Page {
  held: WarmDatabase | undefined;
  marks: string[];
  connections: Watched[];
  opened: string[];
}

/** Runs the script with this page's storage and an IndexedDB that records its connections. */
function runScript(device: unknown, name = DATABASE_NAME): Page {
  // The app's name is asked for; each test's own database stands in for it.
  const { factory, connections, opened } = watchedFactory((asked) =>
    asked === DATABASE_NAME ? name : asked,
  );
  const page: Page = { held: undefined, marks: [], connections, opened };
  const storage = {
    getItem: (key: string) =>
      key !== DEVICE_KEY || device === undefined
        ? null
        : typeof device === 'string'
          ? device
          : JSON.stringify(device),
  };
  const self = {} as { anyamEarlyOpen?: WarmDatabase };
  const performance = { mark: (mark: string) => page.marks.push(mark) };
  // The page's globals, the timer read at each call (a test may fake it).
  runInNewContext(firstScript!, {
    localStorage: storage,
    indexedDB: factory,
    performance,
    self,
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
  });
  page.held = self.anyamEarlyOpen;
  return page;
}

const settled = () => new Promise((done) => setTimeout(done, 20));
const returning = { householdName: 'Keluarga Uji' };

afterEach(() => {
  vi.useRealTimers();
  globalThis.anyamEarlyOpen = undefined;
});

describe("index.html's early open", () => {
  it('is the first script of the page', () => {
    expect(firstScript).toContain('indexedDB.open');
    expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('<script type="module"'));
  });

  it('asks for nothing on a first visit or with an unreadable device record', () => {
    for (const device of [undefined, { householdName: null }, 'not json{']) {
      const page = runScript(device);
      expect(page.opened).toEqual([]);
      expect(page.held).toBeUndefined();
    }
  });

  it("opens the app's database on a returning visit, marks it and holds it until released", async () => {
    const name = await existingDatabase('held');
    const page = runScript(returning, name);
    expect(page.opened).toEqual([DATABASE_NAME]);
    await settled();
    expect(page.marks).toEqual(['anyam:db-early', 'anyam:db-warm']);
    expect(page.connections.map((c) => c.closed)).toEqual([false]);
    page.held!.release();
    expect(page.connections.map((c) => c.closed)).toEqual([true]);
  });

  it('never creates a database that is not there', async () => {
    const name = `absent-${Math.random().toString(36).slice(2)}`;
    const page = runScript(returning, name);
    await settled();
    expect(page.connections).toEqual([]);
    expect(() => page.held!.release()).not.toThrow();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('closes a connection released before it opened, as soon as it opens', async () => {
    const name = await existingDatabase('early');
    const page = runScript(returning, name);
    page.held!.release();
    await settled();
    expect(page.connections.map((c) => c.closed)).toEqual([true]);
    expect(page.marks).toEqual(['anyam:db-early']);
  });

  it('closes by itself after 10 s when the page never takes it', async () => {
    const name = await existingDatabase('forgotten');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const page = runScript(returning, name);
    // fake-indexeddb schedules with setImmediate, which is not faked here.
    const turns = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise((done) => setImmediate(done));
    };
    await turns(50);
    expect(page.connections.map((c) => c.closed)).toEqual([false]);
    vi.advanceTimersByTime(9_999);
    await turns(5);
    expect(page.connections[0]!.closed).toBe(false);
    vi.advanceTimersByTime(1);
    await turns(5);
    expect(page.connections[0]!.closed).toBe(true);
  });

  it('gives way to an upgrade at once: not blocked, and the rows are kept', async () => {
    const name = await existingDatabase('upgraded');
    const page = runScript(returning, name);
    await settled();
    await expectUpgradeGoesThrough(name, page.connections[0]!);
  });

  it('gives way to a deletion at once', async () => {
    const name = await existingDatabase('deleted');
    runScript(returning, name);
    await settled();
    await expectDeletionGoesThrough(name);
  });
});

describe('takeEarlyOpen', () => {
  it("hands the page the script's connection once, and nothing where the script did not run", () => {
    expect(takeEarlyOpen()).toBeNull();
    const held = { release: vi.fn() };
    globalThis.anyamEarlyOpen = held;
    expect(takeEarlyOpen()).toBe(held);
    expect(takeEarlyOpen()).toBeNull();
  });
});
