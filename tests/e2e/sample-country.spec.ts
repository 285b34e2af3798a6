import { mkdirSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The sample household is offered on onboarding's first screen, before anything is typed, and is
// the household of the person's own country, in their language.
const DIR = 'docs/screenshots';
mkdirSync(DIR, { recursive: true });

const BROWSER_LOCALE = { en: 'en-US', id: 'id-ID', fil: 'fil-PH', vi: 'vi-VN' } as const;
const OFFER = {
  en: 'Try a sample household',
  id: 'Coba rumah tangga contoh',
  fil: 'Subukan ang halimbawa',
  vi: 'Xem hộ gia đình mẫu',
} as const;

test.use({ viewport: { width: 360, height: 740 } });

// The sample is built from today, and Entries opens on today's month: on the first days of a
// month that month has no sample entries yet. Every test here reads an ordinary mid-month day, so
// that it passes on any real day (month-start is period-month-start.spec.ts's).
const PINNED = new Date('2026-11-24T09:00:00+07:00');
test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: PINNED });
});

async function dashboardReady(page: Page): Promise<void> {
  await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 60_000 });
}

for (const lang of ['en', 'id', 'fil', 'vi'] as const) {
  test.describe(`onboarding in ${lang}`, () => {
    test.use({ locale: BROWSER_LOCALE[lang] });
    test('offers the sample on the first screen, before anything is typed', async ({ page }) => {
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const offer = page
        .getByTestId('onboarding-sample')
        .getByRole('button', { name: OFFER[lang] });
      await expect(offer).toBeVisible();
      await expect(page.locator('input[name="household"]')).toHaveValue('');
      // Above the household form: the first thing a curious person reaches.
      const offerBox = (await offer.boundingBox())!;
      const nameBox = (await page.locator('input[name="household"]').boundingBox())!;
      expect(offerBox.y).toBeLessThan(nameBox.y);
      await page.screenshot({ path: `${DIR}/onboarding-first-${lang}.png` });
    });
  });
}

const COUNTRY = [
  { lang: 'id', people: ['Budi (contoh)', 'Sari (contoh)', 'Dewi (contoh)'], stream: 'Warung' },
  { lang: 'fil', people: ['Jose (halimbawa)', 'Ana (halimbawa)'], stream: 'Tindahang sari-sari' },
  { lang: 'vi', people: ['Minh (mẫu)', 'Lan (mẫu)', 'Huy (mẫu)'], stream: 'Chạy xe công nghệ' },
] as const;

for (const { lang, people, stream } of COUNTRY) {
  test.describe(`the sample of ${lang}`, () => {
    test.use({ locale: BROWSER_LOCALE[lang] });
    test('is that country’s household, in its language', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('/');
      await page.getByTestId('onboarding-sample').getByRole('button').click();
      await expect(page.getByTestId('sample-banner')).toBeVisible({ timeout: 30_000 });
      await dashboardReady(page);
      await page.screenshot({ path: `${DIR}/sample-dashboard-${lang}.png`, fullPage: true });

      await page.goto('/#/streams');
      for (const person of people) {
        await expect(page.getByTestId('member-card').filter({ hasText: person })).toBeVisible();
      }
      await expect(page.getByTestId('stream-item').filter({ hasText: stream })).toBeVisible();
    });
  });
}

test.describe('the Vietnamese sample', () => {
  test.use({ locale: 'vi-VN' });
  // One Vietnamese sample for both stories (each once a test that built its own): one stream's
  // name is edited, then a language change re-labels every sample name the household has not
  // touched and keeps the edited one as typed.
  test('has đồng without decimals; a language change re-labels its streams, and an edited name stays as typed', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await page.goto('/');
    await page.getByTestId('onboarding-sample').getByRole('button', { name: OFFER.vi }).click();
    await expect(page.getByTestId('sample-banner')).toBeVisible({ timeout: 30_000 });

    await test.step('đồng without decimals, in entries and in the rates', async () => {
      await page.goto('/#/entries');
      const amounts = page.getByTestId('entry-row').locator('.amount');
      await expect(amounts.first()).toBeVisible();
      const texts = await amounts.allTextContents();
      const dong = texts.filter((t) => t.includes('₫'));
      expect(dong.length).toBeGreaterThan(0);
      // "8.500.000 ₫": groups of three after each dot, and no decimal comma.
      for (const t of dong) expect(t.trim()).toMatch(/^-?\d{1,3}(\.\d{3})*\s₫$/);

      await page.goto('/#/settings');
      await expect(page.locator('body')).toContainText('1 USD = ');
      await expect(page.locator('body')).not.toContainText(/1 USD = [\d.]+,\d/);
    });

    await test.step('a name the household edits becomes its own text', async () => {
      await page.goto('/#/streams');
      await expect(
        page.getByTestId('stream-item').filter({ hasText: 'Lương nhà máy' }),
      ).toBeVisible();
      await expect(
        page.getByTestId('stream-item').filter({ hasText: 'Chạy xe công nghệ' }),
      ).toBeVisible();
      await page.getByRole('button', { name: 'Sửa Lương nhà máy' }).click();
      const form = page.getByTestId('stream-form');
      await form.locator('input[name="name"]').fill('Lương của Lan');
      await form.getByRole('button', { name: 'Lưu' }).click();
      await expect(form).toBeHidden();
    });

    await test.step('in English, the sample names follow the language, the edited one does not', async () => {
      await page.goto('/#/settings');
      await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
      await page.goto('/#/streams');
      await expect(
        page.getByTestId('stream-item').filter({ hasText: 'Ride-hailing driving' }),
      ).toBeVisible();
      await expect(
        page.getByTestId('member-card').filter({ hasText: 'Minh (sample)' }),
      ).toBeVisible();
      await expect(
        page.getByTestId('stream-item').filter({ hasText: 'Lương của Lan' }),
      ).toBeVisible();
      await expect(
        page.getByTestId('stream-item').filter({ hasText: 'Chạy xe công nghệ' }),
      ).toHaveCount(0);
      // The edited stream is not turned back into the sample's English name.
      await expect(
        page.getByTestId('stream-item').filter({ hasText: 'Factory salary' }),
      ).toHaveCount(0);
    });
  });
});
