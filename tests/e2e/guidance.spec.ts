/**
 * The score card (band beside the number), "To raise your score" and the stress test with the
 * sample household: screenshots at 360×740 in en, id and vi for a person to look at; axe finds
 * no violation in light or dark; and the stress card never shows a duration over 24 months as
 * a number, whichever stream stops or falls.
 *
 * The clock is pinned (24 November 2026): the sample household is built from "today", and what
 * its stress test finds depends on which 12 complete months it reads (on 4 December 2026 the
 * salary stopping left nothing short, and the "more than 2 years" check failed).
 */
import { AxeBuilder } from './axe';
import { mkdirSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startHousehold, tapNav } from './support';

const DIR = 'docs/screenshots';
mkdirSync(DIR, { recursive: true });

test.use({ viewport: { width: 360, height: 740 } });

/** The day every test here runs on, whatever the machine's clock says. */
const TODAY = new Date('2026-11-24T09:00:00+07:00');

async function sampleDashboard(page: Page, lang: 'en' | 'id' | 'vi') {
  await page.clock.install({ time: TODAY });
  await startHousehold(page, { sample: true });
  if (lang !== 'en') {
    await page.goto('/#/settings');
    await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  }
  await tapNav(page, 'dashboard');
  await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
}

/** Axe on the dashboard's guidance cards, in the theme the page is in. */
async function guidanceAxeClean(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include('[data-testid="dashboard"]').analyze();
  expect(
    result.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
}

async function shootCards(page: Page, lang: 'en' | 'id' | 'vi'): Promise<void> {
  await expect(page.getByTestId('dash-band')).toBeVisible();
  await expect(page.locator('[data-testid="dash-actions"] li').first()).toBeVisible();
  for (const [id, name] of [
    ['dash-score', 'score-card'],
    ['dash-actions', 'score-actions'],
    ['dash-stress', 'stress-test'],
  ] as const) {
    // What the person sees with the card scrolled to the top of a 360×740 phone screen.
    await page.getByTestId(id).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${DIR}/${name}-${lang}.png` });
  }
}

for (const lang of ['id', 'vi'] as const) {
  test(`score card, actions and stress test at 360×740 in ${lang}`, async ({ page }) => {
    test.setTimeout(90_000);
    await sampleDashboard(page, lang);
    await shootCards(page, lang);
  });
}

// One English sample dashboard for what each of four tests once set up on its own: the
// screenshots, axe in light and in dark (the theme switched on the open page, as the phone's
// setting does), then every stream and fall of the stress card.
test('in en: score card, actions and stress test at 360×740, axe light and dark, and the stress card never shows more than 24 months as a number', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await sampleDashboard(page, 'en');
  await test.step('score card, actions and stress test at 360×740 in en', async () => {
    await shootCards(page, 'en');
  });

  await test.step('axe finds no violations on the guidance cards (light, dark)', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await guidanceAxeClean(page, 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await guidanceAxeClean(page, 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('the stress card never shows more than 24 months as a number', async () => {
    const card = page.getByTestId('dash-stress');
    // It names the complete months it reads: the 12 before November 2026.
    await expect(card.getByTestId('stress-period')).toHaveText(
      /^Average month of Nov 2025\s–\sOct 2026: complete months only\.$/,
    );
    const streams = await card
      .locator('select[data-testid="stress-stream"] option')
      .allTextContents();
    const falls = await card
      .locator('select[data-testid="stress-fall"] option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const seen: string[] = [];
    for (const stream of streams) {
      await card.getByTestId('stress-stream').selectOption({ label: stream });
      for (const fall of falls) {
        await card.getByTestId('stress-fall').selectOption(fall);
        const text = (await card.innerText()).replace(/\s+/g, ' ');
        seen.push(text);
        for (const match of text.matchAll(/([\d.,]+) months/g)) {
          expect(
            Number(match[1]!.replace(/,/g, '')),
            `${stream}, ${fall}: ${text}`,
          ).toBeLessThanOrEqual(24);
        }
      }
    }
    // The salary stopping leaves a shortfall that savings cover for some months, said as a number
    // (with the sample's instalment plan and arisan among its essentials since issue 25; the
    // "more than 2 years" wording is checked in tests/unit/stress-story.test.ts).
    expect(
      seen.some((t) =>
        /If Factory salary stops .* your savings would cover that shortfall for \d+ months/.test(t),
      ),
      seen.join('\n'),
    ).toBe(true);
  });
});

// A household with one stream and no income yet, checked by axe in light and then in dark.
test('axe finds no violations on a next step (light, dark)', async ({ page }) => {
  await page.clock.install({ time: TODAY });
  await startHousehold(page, { members: ['Sari'] });
  await tapNav(page, 'dashboard');
  await page.getByRole('link', { name: 'Add your first income stream' }).click();
  const form = page.getByTestId('stream-form');
  await form.locator('input[name="name"]').fill('Warung');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await tapNav(page, 'dashboard');
  await expect(page.getByTestId('dash-next-step')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    if (colorScheme === 'dark') {
      await page.getByTestId('dash-next-step').screenshot({ path: `${DIR}/next-step-en.png` });
    }
    const result = await new AxeBuilder({ page }).analyze();
    expect(
      result.violations.map(
        (v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`,
      ),
    ).toEqual([]);
  }
});
