// @vitest-environment jsdom
// The last score first (issue 29's item 3): what is kept (db/score-snapshot.ts), for which
// context only, and the cover that shows it until the live score is drawn (ui/score-cover.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  beginSnapshotRead,
  dropScoreSnapshot,
  saveScoreSnapshot,
} from '../../src/lib/db/score-snapshot-write';
import {
  dayKey,
  MAX_TEXT,
  readScoreSnapshot,
  SNAPSHOT_KEY,
  SNAPSHOT_READ_KEY,
  snapshotContext,
  snapshotFits,
  type ScoreCardText,
  type SnapshotContext,
} from '../../src/lib/db/score-snapshot';
import { LONGEST_MS, SCORE_DRAWN, scoreDrawn, showScoreCover } from '../../src/lib/ui/score-cover';

const ctx: SnapshotContext = {
  build: 'a.js b.js|id:x.js',
  day: 'Fri Dec 04 2026',
  locale: 'en',
  household: 'Keluarga Uji',
  scope: ':household',
  private: false,
};
const card: ScoreCardText = {
  title: 'Resilience score, November 2026',
  score: '74',
  of: 'of 100',
  band: 'strong',
  bandName: 'Strong',
  note: 'Your score as you last saw it today. Updating…',
};

beforeEach(() => localStorage.clear());
afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  vi.useRealTimers();
});

function keep(context = ctx, text = card): boolean {
  return saveScoreSnapshot(context, beginSnapshotRead(), text);
}

describe('a kept score', () => {
  it('is read back for the context it was drawn for', () => {
    expect(keep()).toBe(true);
    expect(readScoreSnapshot(ctx)).toMatchObject({ ...card, household: 'Keluarga Uji' });
  });

  it.each([
    ['another build', { build: 'c.js|' }],
    ['another day', { day: 'Sat Dec 05 2026' }],
    ['another language', { locale: 'vi' }],
    ['another household', { household: 'Rumah Lain' }],
    ['another scope', { scope: 'm1:mine' }],
    ['a phone with a lock or hidden amounts', { private: true }],
  ])('is not shown for %s, and is dropped', (_, change) => {
    keep();
    expect(readScoreSnapshot({ ...ctx, ...change })).toBeNull();
    // A snapshot that does not fit is gone, not kept for later.
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });

  it('is never kept for a phone with a lock or hidden amounts, a build without its list or no household', () => {
    expect(keep({ ...ctx, private: true })).toBe(false);
    expect(keep({ ...ctx, build: '' })).toBe(false);
    expect(keep({ ...ctx, household: null })).toBe(false);
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });

  it('is not kept when a write has happened since its rows were read', () => {
    const token = beginSnapshotRead();
    dropScoreSnapshot(); // what every write does (repo/transaction.ts)
    expect(saveScoreSnapshot(ctx, token, card)).toBe(false);
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });

  it('is kept only from the latest read', () => {
    const first = beginSnapshotRead();
    const second = beginSnapshotRead();
    expect(first).not.toBe(second);
    expect(saveScoreSnapshot(ctx, first, card)).toBe(false);
    expect(saveScoreSnapshot(ctx, second, card)).toBe(true);
  });

  it('is dropped with the read in progress', () => {
    keep();
    beginSnapshotRead();
    dropScoreSnapshot();
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
    expect(localStorage.getItem(SNAPSHOT_READ_KEY)).toBeNull();
  });

  it('holds a score card, not any text', () => {
    const long = 'x'.repeat(MAX_TEXT + 1);
    expect(keep(ctx, { ...card, title: long })).toBe(false);
    expect(keep(ctx, { ...card, score: '' })).toBe(false);
    expect(keep(ctx, { ...card, band: 'great' })).toBe(false);
    expect(keep(ctx, { ...card, band: '', bandName: 'Strong' })).toBe(false);
    expect(keep(ctx, { ...card, band: '', bandName: '' })).toBe(true);
    expect(keep(ctx, { ...card, note: 'x'.repeat(MAX_TEXT) })).toBe(true);
  });

  it('is nothing when unreadable or of another version', () => {
    localStorage.setItem(SNAPSHOT_KEY, '{not json');
    expect(readScoreSnapshot(ctx)).toBeNull();
    keep();
    const stored = JSON.parse(localStorage.getItem(SNAPSHOT_KEY)!) as Record<string, unknown>;
    expect(snapshotFits(stored, ctx)).toBe(true);
    expect(snapshotFits({ ...stored, v: 2 }, ctx)).toBe(false);
    expect(snapshotFits(null, ctx)).toBe(false);
    expect(snapshotFits('74', ctx)).toBe(false);
  });

  it('costs nothing but itself when the storage is full', () => {
    const token = beginSnapshotRead();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(saveScoreSnapshot(ctx, token, card)).toBe(false);
    setItem.mockRestore();
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });
});

describe('the context', () => {
  const phone = {
    householdName: 'Keluarga Uji',
    memberId: 'm1',
    dashboardScope: 'mine',
    lock: null,
    hideAmounts: false,
  };

  it('names the build by its dashboard files, the day, the language and whose dashboard', () => {
    document.head.innerHTML =
      '<meta name="anyam-dashboard-chunks" content="/a.js /b.js"><meta name="anyam-dashboard-texts" content="id:/x.js">';
    expect(snapshotContext(phone, 'id')).toEqual({
      build: '/a.js /b.js|id:/x.js',
      day: dayKey(),
      locale: 'id',
      household: 'Keluarga Uji',
      scope: 'm1:mine',
      private: false,
    });
  });

  it('has no build without the list (a development server), so nothing is kept', () => {
    expect(snapshotContext(phone, 'en').build).toBe('');
  });

  it('is private with a lock or hidden amounts', () => {
    expect(snapshotContext({ ...phone, lock: { kind: 'pin' } }, 'en').private).toBe(true);
    expect(snapshotContext({ ...phone, hideAmounts: true }, 'en').private).toBe(true);
  });

  it('changes day at local midnight', () => {
    expect(dayKey(new Date(2026, 11, 4, 23, 59))).not.toBe(dayKey(new Date(2026, 11, 5, 0, 0)));
    expect(dayKey(new Date(2026, 11, 4, 0, 0))).toBe(dayKey(new Date(2026, 11, 4, 23, 59)));
  });
});

describe('the cover', () => {
  function page(): HTMLElement {
    document.body.innerHTML =
      '<div id="app"><div class="boot"><img src="/logo.svg" alt=""><span>Anyam</span></div></div>';
    return document.getElementById('app')!;
  }
  const snapshot = () => {
    keep();
    return readScoreSnapshot(ctx)!;
  };

  it('shows the last score, marked as updating, outside the app, hidden from assistive technology', () => {
    const app = page();
    showScoreCover(snapshot(), app);
    const cover = document.querySelector<HTMLElement>('.score-cover')!;
    expect(cover.nextElementSibling).toBe(app);
    expect(cover.getAttribute('aria-hidden')).toBe('true');
    expect(cover.inert).toBe(true);
    expect(cover.querySelector('.boot')?.textContent).toBe('Anyam');
    expect(cover.querySelector('.score-cover-note')?.textContent).toBe(card.note);
    expect(cover.querySelector('h3')?.textContent).toBe(card.title);
    expect(cover.querySelector('strong')?.textContent).toBe('74');
    expect(cover.querySelector('.band-strong')?.textContent).toBe('Strong');
    expect(cover.querySelectorAll('button, a, input, select')).toHaveLength(0);
  });

  it('shows no band when the score had none', () => {
    keep(ctx, { ...card, band: '', bandName: '' });
    showScoreCover(readScoreSnapshot(ctx)!, page());
    expect(document.querySelector('.score-cover-band')).toBeNull();
  });

  it('gives way once the live view has drawn its score', () => {
    showScoreCover(snapshot(), page());
    expect(document.querySelector('.score-cover')).not.toBeNull();
    scoreDrawn();
    expect(document.querySelector('.score-cover')).toBeNull();
  });

  it('gives way when the page leaves the dashboard', () => {
    showScoreCover(snapshot(), page());
    dispatchEvent(new HashChangeEvent('hashchange'));
    expect(document.querySelector('.score-cover')).toBeNull();
  });

  it('gives way after LONGEST_MS whatever happened, and not before', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    showScoreCover(snapshot(), page());
    vi.advanceTimersByTime(LONGEST_MS - 1);
    expect(document.querySelector('.score-cover')).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(document.querySelector('.score-cover')).toBeNull();
  });

  it('stops listening once gone', () => {
    const remove = vi.spyOn(window, 'removeEventListener');
    showScoreCover(snapshot(), page())();
    expect(remove).toHaveBeenCalledWith(SCORE_DRAWN, expect.any(Function));
    expect(remove).toHaveBeenCalledWith('hashchange', expect.any(Function));
    remove.mockRestore();
  });
});
