import { createSubscriber } from 'svelte/reactivity';
import type { ChartTheme } from './types';

/** The chart colours of the theme on screen, from the CSS variables of src/app.css. */
function readTheme(): ChartTheme {
  const root = document.documentElement;
  const css = getComputedStyle(root);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    mode: css.colorScheme.includes('dark') ? 'dark' : 'light',
    text: v('--text', '#1c2421'),
    muted: v('--text-muted', '#4d5a55'),
    grid: v('--border', '#c9c3b4'),
    surface: v('--surface', '#ffffff'),
    danger: v('--danger', '#a3262a'),
    accent: v('--accent', '#0f5c4d'),
    font: getComputedStyle(document.body).fontFamily || 'system-ui, sans-serif',
  };
}

/**
 * `current` re-reads the theme when the system scheme flips or the app's theme setting (the
 * data-theme attribute on <html>) changes, and re-runs whoever read it: charts recolour in place.
 */
class ChartThemeState {
  /**
   * The theme read while someone listens: getComputedStyle in the middle of a render forces a
   * style recalculation, and every chart reads the theme; once per change is enough.
   */
  #cached: ChartTheme | null = null;

  readonly #subscribe = createSubscriber((update) => {
    this.#cached = null;
    // jsdom (component tests) has no matchMedia.
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const refresh = () => {
      this.#cached = null;
      update();
    };
    media?.addEventListener('change', refresh);
    const observer = new MutationObserver(refresh);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class', 'style'],
    });
    return () => {
      media?.removeEventListener('change', refresh);
      observer.disconnect();
      // Nobody listens for changes any more: the next reader reads afresh.
      this.#cached = null;
    };
  });

  get current(): ChartTheme {
    this.#subscribe();
    return (this.#cached ??= readTheme());
  }
}

export const chartTheme = new ChartThemeState();
