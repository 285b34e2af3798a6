import { AxeBuilder } from './axe';
import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { VIEWS, startHousehold, tapNav } from './support';

// Issue 16, acceptance 1 and 5 (axe): on a 360×740 phone, in each language and colour scheme,
// every view and every dialog a person opens with one tap fits its box, the navigation labels stay
// on one line, a toast never covers a button, and axe finds nothing. One page per language,
// visiting everything in turn and auditing each place in light and then in dark (the palette and
// the charts follow a live change of the device's scheme: src/styles/palette.css,
// src/lib/charts/theme.svelte.ts); every fault found is collected, then reported together.
test.use({ viewport: { width: 360, height: 740 } });

const LANGS = ['en', 'id', 'fil', 'vi'] as const;
const SCHEMES = ['light', 'dark'] as const;

/**
 * Layout faults on the page as it is now, each a sentence naming the element: a box whose
 * content is wider than itself (unless it is a marked horizontal scroller), a sideways-scrolling
 * page, a navigation label on more than one line or cut short, a toast over a button.
 */
function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = [];
    const name = (el: Element): string => {
      const testid = el.getAttribute('data-testid');
      const cls = [...el.classList].filter((c) => !c.startsWith('svelte-')).join(' ');
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      return `<${el.tagName.toLowerCase()}${testid ? ` data-testid="${testid}"` : ''}${cls ? ` class="${cls}"` : ''}> "${text}"`;
    };
    const shown = (el: Element): boolean => {
      if (!(el instanceof HTMLElement)) return el.getClientRects().length > 0;
      if (el.closest('[hidden], [inert]') && !el.closest('dialog[open]')) return false;
      return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    };

    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) {
      faults.push(
        `the page scrolls sideways: ${doc.scrollWidth}px of content in ${doc.clientWidth}px`,
      );
    }

    // Boxes that must hold their content: cards, tables, dialogs, sections, forms, list rows.
    const boxes = document.querySelectorAll(
      'main .card, main table, main section, main form, main li, main fieldset, dialog[open], dialog[open] section, dialog[open] form, dialog[open] table, dialog[open] li, dialog[open] .body, .toasts, .toast-item, header.app-header',
    );
    for (const box of boxes) {
      if (!shown(box)) continue;
      if (box.hasAttribute('data-scroll-x')) continue;
      if (box.scrollWidth > box.clientWidth + 1) {
        // Name what sticks out: the innermost descendant past the box's right edge.
        const edge = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth;
        const outside = [...box.querySelectorAll('*')].filter(
          (d) => shown(d) && d.getBoundingClientRect().right > edge + 1,
        );
        const culprit = outside.find((d) => !outside.some((o) => o !== d && d.contains(o)));
        faults.push(
          `${name(box)} is ${box.scrollWidth}px wide inside ${box.clientWidth}px${culprit ? `, because of ${name(culprit)}` : ''}`,
        );
      }
    }
    // A deliberate horizontal scroller scrolls inside its card and can be reached and named.
    for (const scroller of document.querySelectorAll('[data-scroll-x]')) {
      if (!shown(scroller)) continue;
      const style = getComputedStyle(scroller);
      if (!['auto', 'scroll'].includes(style.overflowX)) {
        faults.push(
          `${name(scroller)} is marked data-scroll-x but has overflow-x:${style.overflowX}`,
        );
      }
      if (scroller.getAttribute('tabindex') !== '0') {
        faults.push(`${name(scroller)} is marked data-scroll-x but cannot take the keyboard`);
      }
      if (!scroller.getAttribute('aria-label') && !scroller.getAttribute('aria-labelledby')) {
        faults.push(`${name(scroller)} is marked data-scroll-x but has no accessible name`);
      }
    }

    // Navigation labels: one line box each, and the whole word shown.
    for (const label of document.querySelectorAll<HTMLElement>('nav.app-nav a span')) {
      const style = getComputedStyle(label);
      const line =
        style.lineHeight === 'normal'
          ? parseFloat(style.fontSize) * 1.2
          : parseFloat(style.lineHeight);
      const height = label.getBoundingClientRect().height;
      if (height > line + 1) {
        faults.push(
          `navigation label "${label.textContent}" is ${height}px tall (one line is ${line}px)`,
        );
      }
      if (label.scrollWidth > label.clientWidth + 1) {
        faults.push(
          `navigation label "${label.textContent}" is cut short (${label.scrollWidth}px in ${label.clientWidth}px)`,
        );
      }
    }

    // Floating controls (toasts, a fixed quick-add button) cover no button a person can see.
    // What a person sees of the page lies between the app's opaque bars: a header stuck to the
    // top, and at the bottom the navigation with, when it is flush on it, full-width and opaque,
    // the band the toasts reserve for themselves. A button behind a bar is not seen (it scrolls
    // clear of it); a toast floating over the content is a fault wherever it sits.
    const opaque = (el: Element) => {
      const bg = getComputedStyle(el).backgroundColor;
      const alpha = bg.startsWith('rgba') ? parseFloat(bg.split(',')[3] ?? '1') : 1;
      return alpha >= 1;
    };
    const header = document.querySelector('header.app-header');
    const headerBox = header?.getBoundingClientRect();
    const headerPos = header ? getComputedStyle(header).position : '';
    const top =
      headerBox &&
      ['sticky', 'fixed'].includes(headerPos) &&
      headerBox.top <= 0.5 &&
      opaque(header!)
        ? headerBox.bottom
        : 0;
    const navBox = document.querySelector('nav.app-nav')?.getBoundingClientRect();
    let bottom = navBox && navBox.bottom >= innerHeight - 0.5 ? navBox.top : innerHeight;
    const band = document.querySelector('.toasts');
    if (band && shown(band)) {
      const r = band.getBoundingClientRect();
      const flush =
        Math.abs(r.bottom - bottom) <= 1 && r.left <= 0.5 && r.right >= innerWidth - 0.5;
      if (flush && opaque(band)) bottom = r.top;
    }
    const dialog = document.querySelector('dialog[open]');
    const floating = [
      ...document.querySelectorAll('.toast-item, .toast, [data-testid="quick-add"]'),
    ].filter(
      (el) =>
        shown(el) &&
        (!el.matches('[data-testid="quick-add"]') || getComputedStyle(el).position === 'fixed'),
    );
    const buttons = [
      ...document.querySelectorAll('button, a.button, [role="button"], input[type="submit"]'),
    ].filter(
      (b) =>
        shown(b) && !floating.some((f) => f.contains(b)) && (dialog === null || dialog.contains(b)),
    );
    for (const over of floating) {
      const t = over.getBoundingClientRect();
      const what = over.matches('[data-testid="quick-add"]')
        ? 'the quick-add button'
        : `toast "${(over.textContent ?? '').trim().slice(0, 40)}"`;
      for (const button of buttons) {
        const b = button.getBoundingClientRect();
        // The part of the button on screen (a dialog sits above every bar).
        const seenTop = Math.max(b.top, dialog ? 0 : top);
        const seenBottom = Math.min(b.bottom, dialog ? innerHeight : bottom);
        if (seenBottom - seenTop <= 0.5 || b.width === 0) continue;
        const overlapX = Math.min(t.right, b.right) - Math.max(t.left, b.left);
        const overlapY = Math.min(t.bottom, seenBottom) - Math.max(t.top, seenTop);
        if (overlapX > 0.5 && overlapY > 0.5) faults.push(`${what} covers ${name(button)}`);
      }
    }
    // The end of the view can scroll clear of the bottom bars (the toasts' band included).
    if (!dialog) {
      const last = document.querySelector('main')?.lastElementChild;
      const y = scrollY;
      scrollTo(0, document.documentElement.scrollHeight);
      const end = last?.getBoundingClientRect().bottom ?? 0;
      if (end > bottom + 1) {
        faults.push(
          `the end of the view stays ${Math.round(end - bottom)}px behind the bottom bars`,
        );
      }
      scrollTo(0, y);
    }
    return faults;
  });
}

for (const lang of LANGS) {
  test.describe(lang, () => {
    test(`every view and dialog fits 360×740 and passes axe, light and dark (${lang})`, async ({
      page,
    }) => {
      // Every view and dialog audited with axe twice: 2.4 min on a quiet 2-core machine.
      test.setTimeout(360_000);
      page.on('dialog', (d) => void d.accept());
      const faults: string[] = [];
      const audit = async (where: string) => {
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme });
          // The page really is in that scheme (the household's theme follows the device's).
          await expect(page.locator('html')).toHaveCSS('color-scheme', colorScheme);
          // The shell reserves the toasts' band from a ResizeObserver, which runs at the next
          // frame: measure after two, as a person's eye would, not in the frame a toast
          // appears (or the scheme changes).
          await page.evaluate(
            () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
          );
          for (const fault of await layoutFaults(page))
            faults.push(`${lang}/${colorScheme} ${where}: ${fault}`);
          const axe = await new AxeBuilder({ page }).analyze();
          for (const v of axe.violations) {
            faults.push(
              `${lang}/${colorScheme} ${where}: axe ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
          }
        }
        await page.emulateMedia({ colorScheme: SCHEMES[0] });
      };
      const openDialog = async (where: string, trigger: Locator) => {
        await trigger.click();
        const dialog = page.locator('dialog[open]');
        await expect(dialog, `${where} opens`).toBeVisible();
        await expect(dialog.locator('.body > *').first()).toBeVisible();
        await audit(where);
        await page.keyboard.press('Escape');
        await expect(dialog, `${where} closes on Escape`).toHaveCount(0);
      };

      await startHousehold(page, { sample: true });
      if (lang !== 'en') {
        await page.goto('/#/settings');
        await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
      }

      for (const view of VIEWS) {
        await tapNav(page, view);
        if (view === 'dashboard') {
          await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({
            timeout: 30_000,
          });
          // Every chart's table, shown: tables must fit or scroll inside their card.
          const toggles = page.locator('main button.toggle[aria-expanded="false"]');
          for (let left = await toggles.count(); left > 0; left--) {
            await toggles.first().click();
            await expect(toggles).toHaveCount(left - 1);
          }
        }
        await audit(view);

        if (view === 'dashboard') {
          const pay = page.locator('[data-testid="due-bill"] button').nth(1);
          if (await pay.isVisible()) await openDialog('dashboard payment form', pay);
          const other = page.locator('[data-testid="due-income"] button').nth(1);
          if (await other.isVisible()) await openDialog('dashboard different-amount form', other);
        }
        if (view === 'entries') {
          await openDialog(
            'entry edit form',
            page.locator('[data-testid="entry-row"] .row-main').first(),
          );
          // Delete an entry: the Undo toast must not cover a button.
          await page.locator('[data-testid="entry-row"] button.icon').first().click();
          await expect(page.locator('.toast-item')).toHaveCount(1);
          await audit('entries, after a delete');
          // Undo, if the toast is still there: it leaves on its own after 8 s, and on a loaded
          // machine the audit (axe) can outlast it; a click that waited for it would wait for
          // the test's timeout (2026-12-05). One step in the page: clicked if present.
          await page.evaluate(() =>
            document.querySelector<HTMLButtonElement>('.toast-item button')?.click(),
          );
          await expect(page.locator('.toast-item')).toHaveCount(0);
        }
        if (view === 'streams') {
          await openDialog('member form', page.locator('main .title-row button').last());
          await openDialog('stream form', page.locator('main .member button.add').first());
        }
        if (view === 'pay') {
          await openDialog('training form', page.getByTestId('training-add'));
        }
        if (view === 'plans') {
          await openDialog('plan form', page.locator('main > .title-row button').first());
          await openDialog(
            'savings place form',
            page.locator('[data-testid="savings-places"] .title-row button'),
          );
          await openDialog(
            'savings balance form',
            page.locator('[data-testid="savings-place"] .row-actions .button.primary').first(),
          );
        }
        if (view === 'settings') {
          await openDialog('CSV import', page.getByTestId('csv-open'));
          await openDialog(
            'rate form',
            page.locator('[data-testid="rates-section"] > .button.primary'),
          );
        }
      }

      // Quick add from the dashboard, saved: its toast sits clear of every button.
      await tapNav(page, 'dashboard');
      await openDialog('quick add', page.getByTestId('quick-add'));
      await page.getByTestId('quick-add').click();
      const dialog = page.getByTestId('quick-add-dialog');
      const amount = dialog.locator('input[name="amount"]');
      await expect(amount).toBeVisible();
      const usual = dialog.getByTestId('amount-suggestion');
      if (await usual.isVisible()) await usual.click();
      else await amount.fill('12345');
      await dialog.locator('button[type="submit"]').first().click();
      // An amount far from the usual one is asked about once: that question must fit too.
      const question = dialog.getByTestId('outlier-question');
      await expect(question.or(page.locator('.toast-item'))).toBeVisible();
      if (await question.isVisible()) {
        await audit('quick add, outlier question');
        await question.locator('button.primary').click();
      }
      await expect(amount).toBeHidden();
      await expect(page.locator('.toast-item')).toHaveCount(1);
      await audit('dashboard, after a quick add');

      expect(faults, faults.join('\n')).toEqual([]);
    });
  });
}
