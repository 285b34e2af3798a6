import { expect, test } from './fixtures';
import { addStreamUi, quickAddUi, readDatabase } from './household';
import { VIEWS, startHousehold, tapNav } from './support';

// The sample is built from today, and the real entry is added on today: a pinned day.
test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-24T09:00:00+07:00') });
});

test('the sample household is labelled on every view, and one tap removes it leaving real records', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startHousehold(page, { members: ['Ani'], sample: true });
  for (const view of VIEWS) {
    await tapNav(page, view);
    await expect(page.getByTestId('sample-banner')).toBeVisible();
  }
  await page.goto('/#/dashboard');
  await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('dash-score-value')).toBeVisible();

  // A real stream and entry, added while the sample is loaded.
  await addStreamUi(page, { member: 'Ani', name: 'Tutoring', kind: 'informal' });
  await page.goto('/#/entries');
  await quickAddUi(page, { stream: 'Tutoring', amount: '175,000' });
  const before = await readDatabase(page);
  const real = <T extends { isSample: boolean }>(rows: T[]) => rows.filter((r) => !r.isSample);

  await page.getByTestId('sample-banner').getByRole('button', { name: 'Remove sample' }).click();
  await expect(page.getByTestId('sample-banner')).toBeHidden();
  const after = await readDatabase(page);
  expect(after.entries).toEqual(real(before.entries));
  expect(after.entries).toHaveLength(1);
  expect(after.streams).toEqual(real(before.streams));
  expect(after.members).toEqual(real(before.members));
  expect(after.plans).toEqual([]);
  await expect(page.getByTestId('entry-row')).toHaveCount(1);
  await expect(page.getByTestId('entry-row')).toContainText('Tutoring');
});
