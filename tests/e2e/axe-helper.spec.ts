import AxePlaywright from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { AxeBuilder } from './axe';

// The suite's axe helper (tests/e2e/axe.ts) must find what @axe-core/playwright finds: every
// e2e test's "axe finds no violations" rests on it.
const FAULTY = `<!doctype html><html lang="en"><head><title>Faults</title></head><body><main>
  <section id="form"><input type="text"><button></button></section>
  <section id="look"><p style="color:#bbb;background:#fff">Pale text on white</p>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></section>
</main></body></html>`;

const ids = (result: { violations: { id: string }[] }) => result.violations.map((v) => v.id).sort();

test('the axe helper reports the violations axe reports, again on a second run, and only inside include()', async ({
  page,
  context,
}) => {
  const reference = await context.newPage();
  await reference.setContent(FAULTY);
  await page.setContent(FAULTY);
  const cases: [string[], string[]][] = [
    [[], ['button-name', 'color-contrast', 'image-alt', 'label', 'page-has-heading-one']],
    [['#form'], ['button-name', 'label']],
    [
      ['#look', '#form'],
      ['button-name', 'color-contrast', 'image-alt', 'label'],
    ],
  ];
  for (const [include, expected] of cases) {
    const theirs = new AxePlaywright({ page: reference });
    const ours = new AxeBuilder({ page });
    for (const selector of include) {
      theirs.include(selector);
      ours.include(selector);
    }
    expect(ids(await theirs.analyze()), `axe itself, include ${include.join(' ')}`).toEqual(
      expected,
    );
    expect(ids(await ours.analyze()), `the helper, include ${include.join(' ')}`).toEqual(expected);
  }
  // axe stays in the page for the next audit (a hash route keeps the document).
  expect(await page.evaluate(() => 'axe' in window)).toBe(true);
});
