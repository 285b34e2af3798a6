import { AxeBuilder } from './axe';
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { startHousehold } from './support';

// Issue 23: with "hide amounts" on, the header's "Show amounts" text button squeezed the
// household's name into one letter group per line and the header took about 190 of 740 px.
// Now the button is an eye icon with its label for screen readers, the name keeps to one line
// (ending in "…" when it is too long) and the bar stays short, in English and Vietnamese.
const DIR = 'docs/screenshots';
mkdirSync(DIR, { recursive: true });
test.use({ viewport: { width: 360, height: 740 } });

const NAMES = {
  en: 'The Santoso-Wijaya Household of Jalan Melati',
  vi: 'Hộ gia đình Nguyễn Văn Minh ở Đà Nẵng',
} as const;
const SHOW = { en: 'Show amounts', vi: 'Hiện số tiền' } as const;

for (const lang of ['en', 'vi'] as const) {
  test(`with amounts hidden the header keeps the name on one line at 360×740 in ${lang}`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // The sample household: figures on the dashboard to show as dots.
    await startHousehold(page, { name: NAMES[lang], sample: true });
    await page.goto('/#/settings');
    await page.getByTestId('hide-amounts').check();
    if (lang !== 'en') {
      await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    }
    await page.goto('/#/dashboard');
    await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('main')).toContainText('•••••');

    const header = page.locator('header.app-header');
    const name = page.getByTestId('household-name');
    await expect(name).toHaveText(NAMES[lang]);
    const reveal = page.getByTestId('reveal-amounts');
    // An icon button: its name comes from its label for screen readers, and says what it does.
    await expect(reveal).toHaveAccessibleName(SHOW[lang]);
    await expect(reveal).toHaveAttribute('aria-pressed', 'false');
    await expect(reveal.locator('svg')).toBeVisible();
    expect((await reveal.innerText()).trim()).toBe('');

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const lineHeight = await name.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      const nameBox = (await name.boundingBox())!;
      expect(nameBox.height, 'the name wraps onto a second line').toBeLessThan(lineHeight * 1.5);
      const headerBox = (await header.boundingBox())!;
      expect(headerBox.height, 'the header is taller than a compact bar').toBeLessThanOrEqual(100);
      // Nothing in the bar is pushed off the screen.
      const revealBox = (await reveal.boundingBox())!;
      expect(revealBox.x + revealBox.width).toBeLessThanOrEqual(360);
      expect(revealBox.width).toBeGreaterThanOrEqual(44);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      await page.screenshot({
        path: `${DIR}/header-hidden-amounts-${lang}${scheme === 'dark' ? '-dark' : ''}.png`,
      });
      const axe = await new AxeBuilder({ page }).include('header.app-header').analyze();
      expect(axe.violations.map((v) => `header (${scheme}): ${v.id}`)).toEqual([]);
    }

    // The same button shows the amounts and hides them again.
    await reveal.click();
    await expect(reveal).toHaveAttribute('aria-pressed', 'true');
    await expect(reveal).toHaveAccessibleName(SHOW[lang]);
    await reveal.click();
    await expect(reveal).toHaveAttribute('aria-pressed', 'false');
  });
}

const FORGOT = { en: 'Forgot the PIN?', vi: 'Quên mã PIN?' } as const;

test.describe('on localhost', () => {
  // WebAuthn needs a domain as relying party: localhost, not an IP address.
  test.use({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 4174}` });

  for (const lang of ['en', 'vi'] as const) {
    test(`the lock at 360×740 in ${lang}: Settings, the lock screen, its wait and "Forgot PIN?"`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('WebAuthn.enable');
      await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport: 'internal',
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      });
      await startHousehold(page, { name: NAMES[lang], members: ['Minh'] });
      await page.goto('/#/settings');
      if (lang !== 'en') {
        await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
      }
      const section = page.getByTestId('lock-section');
      // The fingerprint first: refused, with why, until a PIN is set.
      await section.getByTestId('lock-use-device').click();
      await expect(section.getByTestId('lock-pin')).toBeFocused();
      await section
        .getByTestId('lock-use-device')
        .evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: `${DIR}/lock-settings-${lang}.png` });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const axe = await new AxeBuilder({ page })
          .include('[data-testid="lock-section"]')
          .analyze();
        expect(axe.violations.map((v) => `lock settings (${scheme}): ${v.id}`)).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await section.getByTestId('lock-pin').fill('246810');
      await section.getByTestId('lock-pin-again').fill('246810');
      await section.getByTestId('lock-save-pin').click();
      await expect(section.getByTestId('lock-idle')).toBeVisible({ timeout: 30_000 });

      await page.reload();
      const screen = page.getByTestId('lock-screen');
      await expect(screen).toBeVisible();
      await page.screenshot({ path: `${DIR}/lock-screen-${lang}.png` });
      const pin = screen.getByTestId('unlock-pin');
      for (let i = 0; i < 5; i++) {
        await expect(pin).toBeEnabled({ timeout: 30_000 });
        await pin.fill('000000');
        await screen.getByTestId('unlock-submit').click();
        await expect(screen.getByTestId('unlock-message')).not.toHaveText('', { timeout: 30_000 });
      }
      await expect(pin).toBeDisabled({ timeout: 30_000 });
      // One message: the wait, and no "Wrong PIN" beside it.
      const live = await screen
        .locator('[aria-live]')
        .evaluateAll((els) => els.map((el) => el.textContent?.trim()).filter(Boolean));
      expect(live).toHaveLength(1);
      await screen.getByText(FORGOT[lang]).click();
      await expect(screen.getByTestId('lock-forgot').locator('ol')).toBeVisible();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({
          path: `${DIR}/lock-wait-forgot-${lang}${scheme === 'dark' ? '-dark' : ''}.png`,
          fullPage: true,
        });
        const axe = await new AxeBuilder({ page }).analyze();
        expect(axe.violations.map((v) => `lock screen (${scheme}): ${v.id}`)).toEqual([]);
      }
    });
  }
});
