/**
 * The dashboard's side of "the last dashboard first" (lib/ui/last-dashboard.svelte.ts): what it
 * keeps of itself for the next visit. Apart from the shell's side, so the entry chunk carries
 * only what paints a snapshot.
 */
import { dropSnapshot, saveSnapshot, snapshotContext } from '../../lib/db/dashboard-snapshot';
import { locale } from '../../lib/i18n/locale.svelte';
import { device } from '../../lib/state/device.svelte';

/**
 * The dashboard as drawn in `view` (its `main`), for the next visit: up to its
 * score card, without what is not HTML (canvases) or not the page (dialogs), the choices of its
 * selects as attributes (a clone keeps only those), with the page's stylesheets. Kept only if it
 * fits this context.
 */
export function keepDashboard(view: HTMLElement): boolean {
  const ctx = snapshotContext(device.current, locale.current);
  if (ctx.private) {
    dropSnapshot();
    return false;
  }
  const shell = shellHtml(view);
  if (shell === '') return false;
  return saveSnapshot(ctx, { html: drawnHtml(view), css: pageCss(document), shell });
}

/**
 * The shell around `view` (its header, navigation and banners), with `view` emptied: what the
 * next visit paints before the shell has mounted. No copy of a phone's lock or dialogs.
 */
export function shellHtml(view: HTMLElement): string {
  const shell = view.closest('.shell');
  if (!shell) return '';
  const clone = shell.cloneNode(true) as HTMLElement;
  clone.querySelector('main')?.replaceChildren();
  clone.querySelectorAll('dialog, script').forEach((el) => el.remove());
  return clone.outerHTML;
}

export function drawnHtml(view: HTMLElement): string {
  const clone = view.cloneNode(true) as HTMLElement;
  const selects = view.querySelectorAll('select');
  clone.querySelectorAll('select').forEach((select, i) => {
    const live = selects[i];
    [...select.options].forEach((option, k) => {
      option.toggleAttribute('selected', live?.options[k]?.selected ?? false);
    });
  });
  const score = clone.querySelector('[data-testid="dash-score"]');
  if (score) {
    // Only the cards up to the score: below it the snapshot would hold blank charts.
    let next = score.nextElementSibling;
    while (next) {
      const after = next.nextElementSibling;
      next.remove();
      next = after;
    }
  }
  clone.querySelectorAll('canvas, dialog, script').forEach((el) => el.remove());
  return clone.innerHTML;
}

/** The text of the page's stylesheets (this origin's: another's rules cannot be read). */
export function pageCss(doc: Document): string {
  const texts: string[] = [];
  for (const sheet of doc.styleSheets) {
    try {
      for (const rule of sheet.cssRules) texts.push(rule.cssText);
    } catch {
      // A stylesheet of another origin (none in this app) cannot be read: left out.
    }
  }
  return texts.join('\n');
}
