// Code that runs inside the measured page. Each export is self-contained (serialised with
// Function.prototype.toString and injected), so it may not use anything from this module's scope.

/**
 * Installed with page.addInitScript before navigation. Records first contentful paint, long
 * tasks and the moment the view is ready, without polling: a MutationObserver re-checks the ready
 * condition on every DOM change. Exposes `window.__bench` and `window.__benchWhenReady`.
 *
 * `options.ready` picks the condition:
 *   'dashboard': see dashboardState below (THE definition of "dashboard painted");
 *   'selector':  `options.selector` is in the document (first entry rows, the bare page's text).
 * `options.readyAttr`: the build contains data-dashboard-ready, so only that attribute counts.
 */
export function installProbe(options) {
  const state = {
    fcp: null,
    ready: null,
    readyPainted: null,
    readyHow: null,
    usable: null,
    usablePainted: null,
    loopPainted: null,
    // The last score painted while this visit computes (src/lib/ui/score-cover.ts).
    snapshot: null,
    snapshotPainted: null,
    longTasks: [],
  };
  window.__bench = state;

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === 'first-contentful-paint') state.fcp = e.startTime;
      }
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // No paint timing: FCP stays null.
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        state.longTasks.push({ start: e.startTime, duration: e.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing: the longest task reads as 0.
  }

  /**
   * "Dashboard painted": main[data-view="dashboard"] is there and either
   *  - the lead's contract: an element with data-dashboard-ready="true" (score and every chart
   *    drawn, or the empty state shown); once the build has the attribute, nothing else counts;
   *  - until then: the empty state (.empty, no [data-chart]) is shown, or every [data-chart]
   *    wrapper has data-drawn="true".
   * Switch to the attribute by building the app with it: run.mjs detects it in dist/.
   */
  function dashboardState() {
    const main = document.querySelector('main[data-view="dashboard"]');
    if (!main) return null;
    const flag = main.querySelector('[data-dashboard-ready]');
    if (options.readyAttr) {
      return flag && flag.getAttribute('data-dashboard-ready') === 'true'
        ? 'data-dashboard-ready'
        : null;
    }
    const charts = main.querySelectorAll('[data-chart]');
    if (charts.length === 0) return main.querySelector('.empty') ? 'empty-state' : null;
    for (const c of charts) if (c.getAttribute('data-drawn') !== 'true') return null;
    return `charts-drawn:${charts.length}`;
  }

  /**
   * "Dashboard usable": the score is on screen (the dashboard's content, whose first card is the
   * score), or the empty state; charts may still be on their way. For other pages, the ready
   * condition itself.
   */
  function usableNow() {
    if (options.ready !== 'dashboard') return false;
    return (
      document.querySelector(
        'main[data-view="dashboard"] :is([data-testid="dashboard"], [data-dashboard-ready="true"])',
      ) !== null
    );
  }

  /** The frame that shows it: after the next animation frame's task (and any task before it). */
  function painted(then) {
    requestAnimationFrame(() => setTimeout(() => then(performance.now()), 0));
  }

  /**
   * The monthly loop (what is due, the month card) drawn. It sits above the score: on a phone the
   * first screen is the loop, and the score is screens further down (issue 29's note).
   */
  let loopSeen = false;
  function loopNow() {
    return document.querySelector('main[data-view="dashboard"] [data-testid="monthly-loop"]');
  }

  function check() {
    if (state.snapshot === null && document.querySelector('.score-cover[data-snapshot="shown"]')) {
      state.snapshot = performance.now();
      painted((t) => (state.snapshotPainted = t));
    }
    if (!loopSeen && loopNow()) {
      loopSeen = true;
      painted((t) => (state.loopPainted = t));
    }
    if (state.usable === null && usableNow()) {
      state.usable = performance.now();
      painted((t) => {
        state.usablePainted = t;
        if (state.readyPainted !== null) resolveReady(state);
      });
    }
    if (state.ready !== null) return;
    const how =
      options.ready === 'dashboard'
        ? dashboardState()
        : document.querySelector(options.selector)
          ? 'selector'
          : null;
    if (how === null) return;
    state.ready = performance.now();
    state.readyHow = how;
    observer.disconnect();
    if (state.usable === null) state.usable = state.ready;
    painted((t) => {
      state.readyPainted = t;
      if (state.usablePainted === null && options.ready !== 'dashboard') state.usablePainted = t;
      if (state.usablePainted !== null) resolveReady(state);
    });
  }

  let resolveReady;
  window.__benchWhenReady = new Promise((resolve) => (resolveReady = resolve));
  const observer = new MutationObserver(check);
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: [
      'data-drawn',
      'data-dashboard-ready',
      'data-view',
      'class',
      'data-testid',
      'data-snapshot',
    ],
  });
}

/** Resolves with the probe state once ready and FCP (if any comes within 5 s) are both known. */
export async function probeResult() {
  const state = await window.__benchWhenReady;
  const until = performance.now() + 5000;
  while (state.fcp === null && performance.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const nav = performance.getEntriesByType('navigation')[0];
  const navigation = nav && {
    viaServiceWorker: nav.workerStart > 0,
    workerStart: nav.workerStart,
    responseStart: nav.responseStart,
    responseEnd: nav.responseEnd,
    domInteractive: nav.domInteractive,
    domContentLoaded: nav.domContentLoadedEventEnd,
  };
  const firstScript = performance
    .getEntriesByType('resource')
    .find((r) => r.initiatorType === 'script' || r.name.endsWith('.js'));
  return {
    ...state,
    longTasks: undefined,
    // The household's score first on screen: the last score (marked as updating), or the computed one.
    onScreenPainted:
      state.snapshotPainted !== null
        ? Math.min(state.snapshotPainted, state.usablePainted)
        : state.usablePainted,
    longestTask: longest(state.longTasks),
    // A task that started before the page was usable kept it from answering a tap.
    longestTaskBeforeUsable: longest(state.longTasks.filter((t) => t.start < state.usablePainted)),
    longTaskList: state.longTasks.map((t) => [Math.round(t.start), Math.round(t.duration)]),
    navigation,
    firstScriptRequested: firstScript?.startTime ?? null,
    // The app's own marks of each step to the score (src/lib/db/phase-mark.ts), from navigation.
    phases: Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('anyam:'))
        .map((m) => [m.name.slice('anyam:'.length), m.startTime]),
    ),
  };
  function longest(tasks) {
    return tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  }
}

/**
 * Arms the quick-add measurement before Save is clicked: resolves with the time from the Save
 * click (its event timestamp) to the frame after every chart has been redrawn.
 * With data-revision on the chart wrappers: every [data-chart] has a new revision. Without it
 * (pending in the app), a proxy: the in-progress card's text changed (the dashboard was
 * recomputed; the charts redraw synchronously in the same update), then a frame.
 */
export function armQuickAdd() {
  const main = document.querySelector('main[data-view="dashboard"]');
  const charts = [...main.querySelectorAll('[data-chart]')];
  const before = charts.map((c) => c.getAttribute('data-revision'));
  const byRevision = charts.length > 0 && before.every((r) => r !== null);
  const card = () => main.querySelector('[data-testid="dash-in-progress"]')?.textContent ?? '';
  const cardBefore = card();
  let clickedAt = null;
  const onClick = (event) => {
    // The save starts at Save, or at "Save anyway" when the amount is far from the stream's
    // usual one (the bench types round amounts, which a large household's streams may not have).
    const save =
      '[data-testid="quick-add-dialog"] button[type="submit"], [data-testid="outlier-question"] button.primary';
    if (event.target.closest?.(save)) {
      clickedAt = event.timeStamp;
    }
  };
  document.addEventListener('click', onClick, true);
  window.__benchQuickAdd = new Promise((resolve) => {
    const done = () => {
      if (clickedAt === null) return false;
      if (byRevision) {
        return charts.every(
          (c, i) => c.isConnected && c.getAttribute('data-revision') !== before[i],
        );
      }
      return card() !== cardBefore;
    };
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      const updated = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => {
          document.removeEventListener('click', onClick, true);
          resolve({
            ms: performance.now() - clickedAt,
            toUpdateMs: updated - clickedAt,
            method: byRevision ? 'data-revision' : 'proxy:in-progress-card',
            charts: charts.length,
          });
        }, 0),
      );
    });
    observer.observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

/**
 * Pages the entries view back `months` times with the "Previous month" button, scrolling to the
 * bottom of each month; resolves with per-page times and the long tasks of the whole walk.
 */
export async function pageEntries(months) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const prev = document.querySelector('button[aria-label="Previous month"]');
  if (!prev) throw new Error('no "Previous month" button');
  const start = performance.now();
  const pages = [];
  let rows = 0;
  for (let i = 0; i < months; i++) {
    const first = document.querySelector('[data-testid="entry-row"]');
    const t0 = performance.now();
    prev.click();
    // The month's rows are keyed by entry id: the old first row leaves when the new month shows.
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`month ${i + 1} did not render`)), 30000);
      const ok = () =>
        (first === null || !first.isConnected) &&
        document.querySelector('[data-testid="entry-row"]') !== null;
      if (ok()) {
        clearTimeout(timer);
        resolve();
        return;
      }
      const observer = new MutationObserver(() => {
        if (!ok()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      });
      observer.observe(document.body, { subtree: true, childList: true });
    });
    await frame();
    pages.push(performance.now() - t0);
    rows += document.querySelectorAll('[data-testid="entry-row"]').length;
    window.scrollTo(0, document.scrollingElement.scrollHeight);
    await frame();
    window.scrollTo(0, 0);
  }
  const end = performance.now();
  const tasks = window.__bench.longTasks.filter(
    (t) => t.start + t.duration >= start && t.start <= end,
  );
  return {
    pages,
    rows,
    longestTask: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    longTasks: tasks.length,
  };
}

/**
 * Runs one search in the Entries view as a person would (fills the form, taps Search) and
 * times it from the tap: `first` when the first result row is in the DOM, `all` when the search
 * has read its last month (aria-busy false), and the longest main-thread task in between.
 * `query` holds form field values by name (q, amountMin, amountMax, from, to); the others are
 * emptied. Needs installProbe (for the long tasks).
 */
export function runSearch(query) {
  const form = document.querySelector('[data-testid="entry-search"]');
  const set = (name, value) => {
    const el = form.querySelector(`[name="${name}"]`);
    el.value = value;
    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  };
  for (const [name, value] of Object.entries({
    q: '',
    amountMin: '',
    amountMax: '',
    from: '',
    to: '',
    ...query,
  }))
    set(name, value);
  const section = () => document.querySelector('[data-testid="search-results"]');
  const before = Number(section()?.getAttribute('data-run') ?? 0);
  return new Promise((resolve) => {
    // Let the bound fields settle before the tap (Svelte applies input events in a microtask).
    setTimeout(() => {
      let first = null;
      const t0 = performance.now();
      const check = () => {
        const s = section();
        if (!s || Number(s.getAttribute('data-run')) <= before) return;
        const now = performance.now() - t0;
        if (first === null && s.querySelector('[data-testid="entry-row"]')) first = now;
        if (s.getAttribute('aria-busy') !== 'false') return;
        observer.disconnect();
        // Long task entries arrive after their task: give the last one time to be reported.
        setTimeout(() => {
          const tasks = window.__bench.longTasks.filter(
            (t) => t.start + t.duration >= t0 && t.start <= t0 + now,
          );
          resolve({
            first: first ?? now,
            all: now,
            found: Number(
              s
                .querySelector('h3')
                ?.textContent?.match(/\d[\d,]*/)?.[0]
                ?.replace(/,/g, '') ?? NaN,
            ),
            longestTask: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
          });
        }, 300);
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      form.querySelector('button[type="submit"]').click();
    }, 50);
  });
}
