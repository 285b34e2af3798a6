/**
 * The Pay view answers a micro-task worker's questions with the sample household: which platform
 * paid best per real hour over the last 3 complete months and by how much, what is pending this
 * month, and what tasks paid of the plans earmarked for them — in plain words, with no "1,758%".
 * The clock is pinned (the sample's entries are built from today): on 24 November 2026 the
 * cards and the headline read Aug – Oct 2026, and the expected best platform is worked out
 * from the same sample for that day. Screenshot at 360×740 for a person to look at; axe finds
 * nothing.
 */
import { AxeBuilder } from './axe';
import { expect, test } from './fixtures';
import { payReport } from '../../src/lib/domain/pay';
import { bestPlatform } from '../../src/lib/domain/pay-compare';
import { platformCards } from '../../src/lib/domain/pay-figures';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import { startHousehold, tapNav } from './support';

test.use({ viewport: { width: 360, height: 740 } });

const NOW = new Date('2026-11-24T09:00:00+07:00');
const TODAY = '2026-11-24';

/** The sample's best platform on the pinned day, by the view's own rule. */
function expectedBest(): { platform: string; second: string } {
  const t = buildSampleHousehold(TODAY, NOW.toISOString(), 'IDR', 'ID');
  const groups = payReport({
    rollups: rollupsFromEntries(t.entries, t.rates, 'IDR'),
    streams: t.streams,
    training: t.training,
    until: '2026-10',
  }).byPlatform;
  const cards = platformCards(groups, TODAY, 'IDR');
  const best = bestPlatform({
    cards,
    groups,
    training: t.training,
    today: TODAY,
    baseCurrency: 'IDR',
  })!;
  return { platform: best.ranked[0]!.platform, second: best.ranked[1]!.platform };
}

test('pay says which platform paid best, what is pending and what tasks paid for', async ({
  page,
}) => {
  await page.clock.install({ time: NOW });
  await startHousehold(page, { sample: true });
  await tapNav(page, 'pay');
  const { platform, second } = expectedBest();
  const best = page.getByTestId('pay-best');
  await expect(best.getByTestId('pay-best-answer')).toHaveAttribute('data-platform', platform);
  await expect(best).toContainText(
    new RegExp(
      `${platform} paid IDR\\s[\\d,]+/h, \\d+% more than ${second} \\(IDR\\s[\\d,]+/h\\), counting unpaid time`,
    ),
  );
  await expect(best.getByTestId('pay-best-period')).toContainText(
    /Over Aug\s–\sOct 2026, the last 3 complete months/,
  );
  // The headline's figure is the named platform's card figure, over the same months.
  const card = page.locator(`li[data-platform="${platform}"]`);
  const rate = (await card.getByTestId('pay-effective').textContent())!.trim();
  await expect(best.getByTestId('pay-best-answer')).toContainText(`${platform} paid ${rate}`);
  await expect(card).toContainText(/Effective pay, Aug\s–\sOct 2026/);
  const tasks = page.getByTestId('pay-earmarked');
  await expect(tasks.getByTestId('earmarked-detail').first()).toContainText(
    /^(Covered|Short): IDR\s/,
  );
  await expect(tasks).not.toContainText(/\d{4,}%/);
  await expect(page.getByTestId('pay-platforms')).toContainText('Received only');
  // The sample's payouts of the last week are still pending: November so far says it counts them.
  await expect(page.getByTestId('pay-so-far').first()).toContainText('November so far, not ranked');
  await expect(page.getByTestId('pay-so-far').first()).toContainText(
    /Includes IDR\s[\d,]+ pending\./,
  );
  await best.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'docs/screenshots/pay-answers-en.png' });
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
    [],
  );
});
