/**
 * The Pay view answers a micro-task worker's questions with the sample household: which platform
 * paid best per real hour over the last 3 months and by how much, that the figure includes
 * pending pay, and what tasks paid of the plans earmarked for them — in plain words, with no
 * "1,758%". Screenshot at 360×740 for a person to look at; axe finds nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { startHousehold, tapNav } from './support';

test.use({ viewport: { width: 360, height: 740 } });

test('pay says which platform paid best, what is pending and what tasks paid for', async ({
  page,
}) => {
  await startHousehold(page, { sample: true });
  await tapNav(page, 'pay');
  const best = page.getByTestId('pay-best');
  await expect(best).toContainText(
    /paid IDR\s[\d,]+\/h, \d+% more than .+'s IDR\s[\d,]+\/h, counting unpaid time/,
  );
  await expect(best).toContainText('Over the last 3 complete months');
  const tasks = page.getByTestId('pay-earmarked');
  await expect(tasks.getByTestId('earmarked-detail').first()).toContainText(
    /^(Covered|Short): IDR\s/,
  );
  await expect(tasks).not.toContainText(/\d{4,}%/);
  await expect(page.getByTestId('pay-platforms')).toContainText('Received only');
  // The sample's platforms have payouts still pending: the effective figure says it counts them.
  await expect(page.getByTestId('pay-includes-pending').first()).toContainText(
    /^Includes IDR\s[\d,]+ pending\.$/,
  );
  await best.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'docs/screenshots/pay-answers-en.png' });
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
    [],
  );
});
