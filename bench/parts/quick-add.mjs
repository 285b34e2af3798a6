// Part 4: quick add on the 100k dashboard until every chart has redrawn.
import { PARTS, RUNS, figure, heading, median, part, warn } from '../context.mjs';
import { evaluateWithin, withBrowser } from '../browser.mjs';
import { armQuickAdd, installProbe, probeResult } from '../probes.js';
import { profile } from '../profiles.mjs';

export async function quickAddPart({ base, seeded, probe }) {
  // 4. Quick add ----------------------------------------------------------------------------------
  if (PARTS.has('quickadd') && seeded['100k']) {
    heading(`4. quick add → every dashboard chart updated, 100k entries (1× CPU, ${RUNS} adds)`);
    await part('quick add', async () => {
      const adds = await withBrowser(profile('100k'), async (page, context, errors) => {
        await page.addInitScript(installProbe, probe);
        await page.goto(`${base}/#/dashboard`);
        await evaluateWithin(page, 90_000, 'dashboard ready', probeResult);
        // Charts are built as they come near the screen: scroll past each one, as a person who
        // has looked at the whole dashboard has, so that every chart is there to be updated.
        await page.evaluate(async () => {
          for (const chart of document.querySelectorAll('[data-chart]')) {
            chart.scrollIntoView();
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
          }
          window.scrollTo(0, 0);
        });
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll('[data-chart]')].every(
              (c) => c.getAttribute('data-drawn') === 'true',
            ),
          null,
          { timeout: 60_000 },
        );
        const out = [];
        for (let i = 0; i < RUNS; i++) {
          await page.click('[data-testid="quick-add"]');
          const dialog = page.locator('[data-testid="quick-add-dialog"]');
          await dialog.locator('input[name="amount"]').fill(String(10_000 + i * 500));
          await page.evaluate(armQuickAdd);
          await dialog.locator('button[type="submit"]').click();
          const question = dialog.locator('[data-testid="outlier-question"] button.primary');
          await Promise.race([
            question.waitFor({ state: 'visible', timeout: 20_000 }).then(() => question.click()),
            dialog.locator('input[name="amount"]').waitFor({ state: 'detached', timeout: 20_000 }),
          ]).catch(() => {});
          try {
            out.push(
              await evaluateWithin(
                page,
                20_000,
                `quick add ${i + 1}: every chart redrawn`,
                () => window.__benchQuickAdd,
              ),
            );
          } catch (error) {
            throw new Error(
              `${error.message}${errors.length ? ` (page error: ${errors[0]})` : ''}`,
              { cause: error },
            );
          }
          await dialog.locator('input[name="amount"]').waitFor({ state: 'detached' });
        }
        if (errors.length > 0) warn(`quick add: page error: ${errors[0]}`);
        return out;
      });
      const method = adds[0].method;
      figure(
        'quickAdd:100k',
        'quick add → charts updated, 100k entries',
        'ms',
        adds.map((a) => a.ms),
        {
          goal: { text: '≤ 150 ms', holds: median(adds.map((a) => a.ms)) <= 150 },
          note:
            method === 'data-revision'
              ? `${adds[0].charts} charts, data-revision`
              : `data-revision pending: ${method}`,
          extra: { method, raw: adds },
        },
      );
    });
  }
}
