import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dayKey,
  dropSnapshot,
  MAX_SNAPSHOT_CHARS,
  readSnapshot,
  saveSnapshot,
  SNAPSHOT_KEY,
  type SnapshotContext,
} from '../../src/lib/db/dashboard-snapshot';

/** A localStorage of its own (Node has none), which can be made to refuse. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    full: false,
    getItem: (key: string) => items.get(key) ?? null,
    setItem(key: string, value: string) {
      if (this.full) throw new DOMException('full', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
}

const CTX: SnapshotContext = {
  build: 'assets/dashboard-core-abc.js|vi:assets/tr-x.js',
  day: '2026-12-04',
  locale: 'en',
  household: 'Keluarga Uji',
  scope: ':household',
  private: false,
};
const DRAWN = {
  html: '<section class="card">74</section>',
  css: '.card { padding: 1rem; }',
  shell: '<div class="shell"><main></main></div>',
};

let storage: ReturnType<typeof memoryStorage>;
beforeEach(() => {
  storage = memoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

describe('the last dashboard', () => {
  it('is shown for the context it was drawn in', () => {
    expect(saveSnapshot(CTX, DRAWN)).toBe(true);
    expect(readSnapshot(CTX)).toMatchObject({ ...DRAWN, household: 'Keluarga Uji' });
  });

  it.each([
    ['another day', { day: '2026-12-05' }],
    ['another language', { locale: 'vi' }],
    ['another build', { build: 'assets/dashboard-core-def.js|' }],
    ['another household', { household: 'Keluarga Lain' }],
    ['another dashboard scope', { scope: 'm1:mine' }],
  ])('is never shown on %s, and is dropped', (_, change) => {
    saveSnapshot(CTX, DRAWN);
    expect(readSnapshot({ ...CTX, ...change })).toBeNull();
    expect(storage.items.has(SNAPSHOT_KEY)).toBe(false);
  });

  it('is kept under the local day, which changes at local midnight only', () => {
    expect(dayKey(new Date(2026, 11, 4, 0, 1))).toBe(dayKey(new Date(2026, 11, 4, 23, 59)));
    expect(dayKey(new Date(2026, 11, 4, 23, 59))).not.toBe(dayKey(new Date(2026, 11, 5, 0, 1)));
  });

  it('is neither kept nor shown on a phone with a lock or hidden amounts', () => {
    expect(saveSnapshot({ ...CTX, private: true }, DRAWN)).toBe(false);
    expect(storage.items.has(SNAPSHOT_KEY)).toBe(false);
    saveSnapshot(CTX, DRAWN);
    expect(readSnapshot({ ...CTX, private: true })).toBeNull();
    expect(storage.items.has(SNAPSHOT_KEY)).toBe(false);
  });

  it('is not kept without a household name or a build to name it', () => {
    expect(saveSnapshot({ ...CTX, household: null }, DRAWN)).toBe(false);
    expect(saveSnapshot({ ...CTX, build: '' }, DRAWN)).toBe(false);
  });

  it('refuses what it could not show: no HTML or no styles, or too much of either', () => {
    expect(saveSnapshot(CTX, { ...DRAWN, html: '' })).toBe(false);
    expect(saveSnapshot(CTX, { ...DRAWN, html: 'x'.repeat(MAX_SNAPSHOT_CHARS + 1) })).toBe(false);
    expect(saveSnapshot(CTX, { ...DRAWN, css: '' })).toBe(false);
    expect(saveSnapshot(CTX, { ...DRAWN, css: 'x'.repeat(MAX_SNAPSHOT_CHARS + 1) })).toBe(false);
    expect(storage.items.has(SNAPSHOT_KEY)).toBe(false);
    expect(saveSnapshot(CTX, { ...DRAWN, shell: 'x'.repeat(MAX_SNAPSHOT_CHARS + 1) })).toBe(false);
    expect(storage.items.has(SNAPSHOT_KEY)).toBe(false);
    expect(saveSnapshot(CTX, { ...DRAWN, html: 'x'.repeat(MAX_SNAPSHOT_CHARS) })).toBe(true);
    expect(saveSnapshot(CTX, { ...DRAWN, css: 'y'.repeat(MAX_SNAPSHOT_CHARS) })).toBe(true);
    // No shell to draw it in: nothing to paint before the shell mounts.
    expect(saveSnapshot(CTX, { ...DRAWN, shell: '' })).toBe(false);
  });

  it.each([
    ['not JSON', '{'],
    ['not an object', '"html"'],
    ['another version', JSON.stringify({ ...CTX, ...DRAWN, v: 2 })],
    ['styles not text', JSON.stringify({ ...CTX, ...DRAWN, v: 1, css: ['.a{}'] })],
    ['without its shell', JSON.stringify({ ...CTX, ...DRAWN, v: 1, shell: undefined })],
    ['html not text', JSON.stringify({ ...CTX, ...DRAWN, v: 1, html: 7 })],
  ])('reads a stored value that is %s as none', (_, raw) => {
    storage.items.set(SNAPSHOT_KEY, raw);
    expect(readSnapshot(CTX)).toBeNull();
  });

  it('costs nothing but the snapshot when storage is full, blocked or missing', () => {
    storage.full = true;
    expect(saveSnapshot(CTX, DRAWN)).toBe(false);
    expect(readSnapshot(CTX)).toBeNull();
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    });
    expect(saveSnapshot(CTX, DRAWN)).toBe(false);
    expect(readSnapshot(CTX)).toBeNull();
    expect(() => dropSnapshot()).not.toThrow();
    vi.stubGlobal('localStorage', undefined);
    expect(readSnapshot(CTX)).toBeNull();
    expect(saveSnapshot(CTX, DRAWN)).toBe(false);
  });
});
