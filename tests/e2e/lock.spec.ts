import { AxeBuilder } from './axe';
import { type Page } from '@playwright/test';
import { expect, test, PINNED_NOW, PINNED_TODAY } from './fixtures';
import { addStreamUi, dayMonthsAgo, quickAddUi } from './household';
import { startHousehold, VIEWS } from './support';

const NAME = 'Keluarga Rahasia';

/** Everything a person or a script could read of the page: its whole markup and its text. */
async function pageContent(page: Page): Promise<string> {
  return `${await page.content()}\n${await page.locator('body').innerText()}`;
}

async function expectNothingOfTheHousehold(page: Page): Promise<void> {
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  const content = await pageContent(page);
  for (const secret of [NAME, 'Sari', 'Warung', '4,321,000']) {
    expect(content, `the locked page shows "${secret}"`).not.toContain(secret);
  }
  await expect(page.locator('nav.app-nav')).toHaveCount(0);
  await expect(page.locator('[data-testid="household-name"]')).toHaveCount(0);
}

async function household(page: Page): Promise<void> {
  await startHousehold(page, { name: NAME, members: ['Sari'] });
  await addStreamUi(page, { member: 'Sari', name: 'Warung', kind: 'informal' });
  await quickAddUi(page, { stream: 'Warung', amount: '4,321,000', date: dayMonthsAgo(1, 5) });
  await quickAddUi(page, { stream: 'Warung', amount: '1,111,000', date: PINNED_TODAY });
}

test.describe('on localhost', () => {
  // WebAuthn needs a domain as relying party: localhost, not an IP address.
  test.use({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 4174}` });

  test('the fingerprint or screen lock (WebAuthn, user verified) keeps the household out of the page until unlock', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await household(page);
    await page.goto('/#/settings');
    const section = page.getByTestId('lock-section');
    await expect(section.getByTestId('lock-limits')).toContainText(
      "does not stop someone who copies this browser's files",
    );
    // A fingerprint lock needs a PIN, its way in if the fingerprint stops working (issue 23).
    await section.getByTestId('lock-use-device').click();
    await expect(section).toContainText('Set a PIN first');
    await expect(section.getByTestId('lock-pin')).toBeFocused();
    expect((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials).toEqual(
      [],
    );
    await section.getByTestId('lock-pin').fill('246810');
    await section.getByTestId('lock-pin-again').fill('246810');
    await section.getByTestId('lock-save-pin').click();
    await expect(page.getByText('The lock is on.')).toBeVisible({ timeout: 30_000 });
    await section.getByTestId('lock-use-device').click();
    await expect(section).not.toContainText('Set a PIN first');
    await expect
      .poll(
        async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
      )
      .toHaveLength(1);

    await page.reload();
    await expectNothingOfTheHousehold(page);

    // A finger the phone does not recognise (user not verified): still locked.
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    await page.getByTestId('unlock-device').click();
    await expect(page.getByTestId('lock-screen')).toContainText('did not confirm it is you');
    await expectNothingOfTheHousehold(page);

    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: true });
    await page.getByTestId('unlock-device').click();
    await expect(page.getByTestId('household-name')).toHaveText(NAME);
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);

    // "Lock now" covers the app without losing it; unlocking brings back the same screen.
    await page.getByTestId('lock-now').click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await expect(page.locator('nav.app-nav')).toBeHidden();
    await page.getByTestId('unlock-device').click();
    await expect(page.getByTestId('lock-section')).toBeVisible();

    // A phone set up before the PIN was required (fingerprint, no PIN): never locked out, never
    // offered a PIN that is not there, and asked for one after the next fingerprint unlock.
    await page.evaluate(() => {
      const state = JSON.parse(localStorage.getItem('anyam.device') ?? '{}') as {
        lock: { pin: unknown };
      };
      state.lock.pin = null;
      localStorage.setItem('anyam.device', JSON.stringify(state));
    });
    await page.reload();
    await expectNothingOfTheHousehold(page);
    await expect(page.getByTestId('unlock-pin')).toHaveCount(0);
    await expect(page.getByTestId('lock-screen')).not.toContainText('PIN?');
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    await page.getByTestId('unlock-device').click();
    await expect(page.getByTestId('unlock-message')).toHaveText(
      'The phone did not confirm it is you. Try again.',
    );
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: true });
    await page.getByTestId('unlock-device').click();
    await expect(page.getByTestId('lock-pin-needed')).toBeVisible();
    await expectNothingOfTheHousehold(page);
    await page.getByTestId('lock-new-pin').fill('135790');
    await page.getByTestId('lock-new-pin-again').fill('135790');
    await page.getByTestId('lock-new-pin-save').click();
    await expect(page.getByTestId('household-name')).toHaveText(NAME, { timeout: 30_000 });
    const pinSet = await page.evaluate(() => localStorage.getItem('anyam.device') ?? '');
    expect(pinSet).toContain('"iterations":600000');
  });
});

test('the PIN lock: wrong tries make each next try wait longer, across a reload, and the right PIN opens', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: PINNED_NOW });
  await household(page);
  await page.goto('/#/settings');
  const section = page.getByTestId('lock-section');
  await section.getByTestId('lock-pin').fill('12345');
  await section.getByTestId('lock-pin-again').fill('12345');
  await section.getByTestId('lock-save-pin').click();
  await expect(section).toContainText('At least 6 digits');
  await section.getByTestId('lock-pin').fill('246810');
  await section.getByTestId('lock-pin-again').fill('246810');
  await section.getByTestId('lock-save-pin').click();
  await expect(page.getByText('The lock is on.')).toBeVisible({ timeout: 30_000 });
  // Only a hash is stored, never the PIN.
  const stored = await page.evaluate(() => localStorage.getItem('anyam.device') ?? '');
  expect(stored).not.toContain('246810');
  expect(stored).toContain('"iterations":600000');

  await page.reload();
  await expectNothingOfTheHousehold(page);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `lock screen: ${v.id}`)).toEqual([]);
  const pin = page.getByTestId('unlock-pin');
  // One message at a time (issue 23): the tries left, then only the wait.
  const wait = page.getByTestId('unlock-message');
  for (let i = 1; i <= 4; i++) {
    await pin.fill('000000');
    await page.getByTestId('unlock-submit').click();
    await expect(wait).toHaveText(`Wrong PIN. Tries left before a wait: ${5 - i}.`, {
      timeout: 30_000,
    });
  }
  await pin.fill('000000');
  await page.getByTestId('unlock-submit').click();
  await expect(wait).toHaveText(/^Too many wrong tries\. Try again in (29|30) s\.$/, {
    timeout: 30_000,
  });
  await expect(page.getByTestId('lock-screen')).not.toContainText('Wrong PIN');
  await expect(pin).toBeDisabled();

  // Moving the device's date a day forward does not end the wait (issue 23).
  await page.clock.setSystemTime(new Date(PINNED_NOW.getTime() + 86_400_000));
  await page.clock.runFor(2_000);
  await expect(wait).toContainText(/Try again in 2\d s/);
  await expect(pin).toBeDisabled();

  // The wait survives a reload.
  await page.reload();
  await expect(page.getByTestId('unlock-message')).toContainText(/Try again in 2\d s/);
  await expectNothingOfTheHousehold(page);

  await page.clock.fastForward(31_000);
  await expect(pin).toBeEnabled();
  await expect(wait).toHaveText('');
  await pin.fill('111111');
  await page.getByTestId('unlock-submit').click();
  await expect(wait).toContainText('Try again in 1 min', { timeout: 30_000 });
  await page.clock.fastForward(45_000);
  await expect(wait).toContainText('Try again in 15 s');
  await expect(pin).toBeDisabled();
  await page.clock.fastForward(16_000);
  await pin.fill('246810');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('household-name')).toHaveText(NAME, { timeout: 30_000 });

  // After the chosen idle time, the lock covers the app again.
  await page.goto('/#/settings');
  await page.getByTestId('lock-idle').selectOption('1');
  await page.clock.fastForward(61_000);
  await expect(page.getByTestId('lock-screen')).toBeVisible();
});

test('hide amounts shows no digit of any amount in any view until "Show amounts" is tapped', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await household(page);
  await page.goto('/#/plans');
  await page.getByRole('button', { name: 'Add an expense' }).click();
  const plan = page.getByTestId('plan-form');
  await plan.locator('input[name="name"]').fill('Rent');
  await plan.locator('select[name="category"]').selectOption('essential');
  await plan.locator('input[name="amount"]').fill('1,234,500');
  await plan.getByRole('button', { name: 'Save' }).click();
  await expect(plan).toBeHidden();
  // Savings live in places (issue 15): a place, then its balance.
  await page.getByRole('button', { name: 'Add a place' }).click();
  const place = page.getByTestId('place-form');
  await place.locator('input[name="name"]').fill('Bank');
  await place.getByRole('button', { name: 'Save' }).click();
  await expect(place).toBeHidden();
  await page
    .getByRole('button', { name: /^New balance/ })
    .first()
    .click();
  const saving = page.getByTestId('saving-form');
  await saving.locator('input[name="amount"]').fill('7,654,000');
  await saving.getByRole('button', { name: 'Save' }).click();
  await expect(saving).toBeHidden();

  await page.goto('/#/entries');
  await expect(page.locator('main')).toContainText('1,111,000');
  await page.goto('/#/settings');
  await page.getByTestId('hide-amounts').check();

  // An amount is digits next to the currency, in either order, or one of the figures entered.
  const amount =
    /(IDR|Rp)\s?\d|\d\s?(IDR|Rp)\b|4,321,000|1,111,000|1,234,500|7,654,000|4\.3M|7\.7M|1\.2M/;
  for (const view of VIEWS) {
    await page.goto(`/#/${view}`);
    await expect(page.locator(`main[data-view="${view}"]`)).toBeVisible();
    if (view === 'dashboard') {
      await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
    }
    await expect(page.locator('main > *').first()).toBeVisible();
    const text = await page.locator('body').innerText();
    expect(text.match(amount), `an amount shows on ${view}`).toBeNull();
    // Where amounts are shown, they read as dots.
    if (['dashboard', 'entries', 'plans'].includes(view)) expect(text).toContain('•••••');
  }

  await page.goto('/#/entries');
  await page.getByTestId('reveal-amounts').click();
  await expect(page.locator('main')).toContainText('1,111,000');
  await page.getByTestId('reveal-amounts').click();
  await expect(page.locator('main')).not.toContainText('1,111,000');
});
