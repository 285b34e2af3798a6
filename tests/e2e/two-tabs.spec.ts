import { expect, test } from './fixtures';
import { addStreamUi, quickAddUi } from './household';
import { startHousehold } from './support';

test('an entry written in one tab shows in the other, and 200 alternate writes are all kept', async ({
  context,
}) => {
  test.setTimeout(240_000);
  const a = await context.newPage();
  await startHousehold(a, { members: ['Ani'] });
  await addStreamUi(a, { member: 'Ani', name: 'Ojek', kind: 'informal' });
  const b = await context.newPage();
  await b.goto('/#/entries');
  await expect(b.getByTestId('entries-month')).toContainText('No entries in November yet');

  await a.bringToFront();
  await a.goto('/#/entries');
  await quickAddUi(a, { amount: '12345' });
  await expect(b.getByTestId('entry-row')).toHaveCount(1);
  await expect(b.getByTestId('entry-row')).toContainText('12,345');

  for (let i = 1; i < 200; i++) {
    const tab = i % 2 === 0 ? a : b;
    // As a person switching tabs: a hidden tab gets no animation frames to settle its dialog.
    await tab.bringToFront();
    await quickAddUi(tab, { amount: String(1000 + i) });
  }
  for (const page of [a, b]) {
    await expect(page.getByTestId('entries-month')).toContainText('200 entries');
    await expect(page.getByTestId('entry-row')).toHaveCount(200);
  }
});
