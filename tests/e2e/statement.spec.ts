/**
 * The income statement (issue 26, acceptance 3 and 4) and the calendar export (issue 27,
 * acceptance 2–3's export part), with the sample household on the pinned day.
 * - Statement: the print view saved with `page.pdf()` in en and id is at most 2 A4 pages and
 *   300 KB, and its text (pdftotext) holds every monthly figure, per source and in total, each
 *   worked out here from the records in IndexedDB with month-totals.ts, never read off the page.
 *   Screenshots at 360×740 in en and fil; axe finds nothing in light and dark.
 * - Calendar (vi): an alarm of 31 days is refused in Vietnamese; with 2 days the export downloads
 *   an .ics that ical.js parses: one event per due item on its date, the alarm 2 days before,
 *   and the same UIDs from a second export.
 */
import { AxeBuilder } from './axe';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import ICAL from 'ical.js';
import { type Page } from '@playwright/test';
import { expect, PINNED_TODAY, test } from './fixtures';
import { readDatabase } from './household';
import { calendarUid, dueForCalendar } from '../../src/lib/domain/calendar-due';
import { statementMonths } from '../../src/lib/domain/income-statement';
import { formatMoney } from '../../src/lib/domain/money';
import { sumMinor } from '../../src/lib/domain/money-math';
import { receivedBaseMinor } from '../../src/lib/domain/received';
import { monthOf } from '../../src/lib/domain/months';

test.use({ viewport: { width: 360, height: 740 } });

const BROWSER_LOCALE = { en: 'en-US', id: 'id-ID', fil: 'fil-PH', vi: 'vi-VN' } as const;
const INTL = { en: 'en-PH', id: 'id-ID', fil: 'fil-PH', vi: 'vi-VN' } as const;

/** Spaces of every kind (Intl puts no-break ones in amounts) as one plain space. */
const squeeze = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function sampleStatement(page: Page, months: 3 | 6 | 12): Promise<void> {
  await page.goto('/');
  await page.getByTestId('onboarding-sample').getByRole('button').click();
  await expect(page.getByTestId('sample-banner')).toBeVisible({ timeout: 30_000 });
  await page.goto('/#/settings');
  await page.getByTestId('statement-link').click();
  await expect(page.locator('main[data-view="statement"]')).toBeVisible();
  await page.getByTestId('statement-months-select').selectOption(String(months));
  await expect(page.getByTestId('statement-month-total')).toHaveCount(months);
}

async function axe(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(
    result.violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
}

for (const lang of ['en', 'id'] as const) {
  test.describe(`the statement in ${lang}`, () => {
    test.use({ locale: BROWSER_LOCALE[lang] });
    test('prints on at most 2 A4 pages, with every monthly figure', async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      await sampleStatement(page, 12);
      const db = await readDatabase(page);
      const base = db.settings[0]!.baseCurrency;
      const months = statementMonths(PINNED_TODAY, 12);
      const received = db.entries.filter((e) => e.deletedAt === null && e.status === 'received');
      const fmt = (minor: number) => squeeze(formatMoney(minor, base, INTL[lang]));
      // Per month: each stream with income in the period, then the month's total.
      // Columns run from the largest source over the period to the smallest.
      const inPeriod = received.filter((e) => months.includes(monthOf(e.date)));
      // Received, net of fees where known (domain/received.ts), in the base currency.
      const receivedOf = (rows: typeof received) =>
        sumMinor(
          rows.map((e) => {
            const amount = receivedBaseMinor(e, db.rates, base);
            expect(amount, `a rate for ${e.currency} on ${e.date}`).not.toBeNull();
            return amount!;
          }),
        );
      const periodTotal = (id: string) => receivedOf(inPeriod.filter((e) => e.streamId === id));
      const streams = db.streams
        .filter((s) => s.deletedAt === null && inPeriod.some((e) => e.streamId === s.id))
        .sort((a, b) => periodTotal(b.id) - periodTotal(a.id));
      const expected = months.map((month) => {
        const of = received.filter((e) => monthOf(e.date) === month);
        return {
          month,
          total: fmt(receivedOf(of)),
          perStream: streams.map((s) => fmt(receivedOf(of.filter((e) => e.streamId === s.id)))),
        };
      });

      const file = testInfo.outputPath(`statement-${lang}.pdf`);
      await page.pdf({ path: file, format: 'A4' });
      const bytes = statSync(file).size;
      expect(bytes).toBeLessThanOrEqual(300 * 1024);
      const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      const pages = raw.split('\f').filter((p) => p.trim() !== '').length;
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
      const text = squeeze(raw);
      testInfo.annotations.push({
        type: 'pdf',
        description: `${lang}: ${pages} pages, ${bytes} B`,
      });
      // No chrome: the navigation and the controls are not printed.
      expect(text).not.toContain(lang === 'en' ? 'Print or save as PDF' : 'Cetak atau simpan');
      await expect(page.getByTestId('statement-made')).toContainText(PINNED_TODAY.slice(0, 4));
      expect(text).toContain(squeeze((await page.getByTestId('statement-made').textContent())!));
      expect(text).toContain(squeeze((await page.getByTestId('statement-period').textContent())!));
      for (const row of expected) {
        expect(text, `total of ${row.month}`).toContain(row.total);
        for (const figure of row.perStream) expect(text, row.month).toContain(figure);
      }
      // Each table row holds the month's own figures, in order (read from the page's table,
      // checked against the records above).
      const rows = page.locator('[data-testid="statement-table"] tbody tr');
      for (const [i, row] of expected.entries()) {
        const cells = (await rows.nth(i).locator('td').allTextContents()).map(squeeze);
        expect(cells).toEqual([...row.perStream, row.total]);
      }
    });
  });
}

for (const lang of ['en', 'fil'] as const) {
  test.describe(`the statement's screen in ${lang}`, () => {
    test.use({ locale: BROWSER_LOCALE[lang] });
    test('screenshot at 360×740; axe light and dark', async ({ page }) => {
      test.setTimeout(120_000);
      await sampleStatement(page, 6);
      await page.getByTestId('statement').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `docs/screenshots/statement-${lang}.png` });
      await axe(page, 'light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await axe(page, 'dark');
    });
  });
}

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((v) => ({
    uid: String(v.getFirstPropertyValue('uid')),
    start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toString(),
    summary: String(v.getFirstPropertyValue('summary')),
    alarms: v
      .getAllSubcomponents('valarm')
      .map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()),
  }));
}

test.describe('reminders in the calendar, in vi', () => {
  test.use({ locale: BROWSER_LOCALE.vi });
  test('refuses 31 days, then exports the next 3 months twice with the same UIDs', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await page.getByTestId('onboarding-sample').getByRole('button').click();
    await expect(page.getByTestId('sample-banner')).toBeVisible({ timeout: 30_000 });
    await page.goto('/#/settings');
    const section = page.getByTestId('calendar-export');
    const days = section.getByLabel('Nhắc trước bao nhiêu ngày (0–30)');
    await days.fill('31');
    await section.getByTestId('calendar-export-button').click();
    await expect(section).toContainText('Lời nhắc chỉ có thể trước tối đa 30 ngày');
    await expect(days).toHaveAttribute('aria-invalid', 'true');

    await days.fill('2');
    // No network request: the file is made and handed over on the phone.
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!/^(blob|data):/.test(r.url())) requests.push(r.url());
    });
    const exported: ReturnType<typeof parseIcs>[] = [];
    for (const n of [1, 2]) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        section.getByTestId('calendar-export-button').click(),
      ]);
      expect(download.suggestedFilename()).toBe('anyam-reminders.ics');
      const path = testInfo.outputPath(`reminders-${n}.ics`);
      await download.saveAs(path);
      exported.push(parseIcs(readFileSync(path, 'utf8')));
    }
    await expect(days).not.toHaveAttribute('aria-invalid', 'true');
    expect(requests).toEqual([]);

    const db = await readDatabase(page);
    const due = dueForCalendar({
      streams: db.streams.filter((s) => s.deletedAt === null),
      plans: db.plans.filter((p) => p.deletedAt === null),
      entries: db.entries,
      payments: db.payments.filter((p) => p.deletedAt === null),
      skips: db.skips.filter((s) => s.deletedAt === null),
      debts: db.debts.filter((d) => d.deletedAt === null),
      repayments: db.repayments.filter((r) => r.deletedAt === null),
      groups: db.groups.filter((g) => g.deletedAt === null),
      groupPayments: db.groupPayments.filter((p) => p.deletedAt === null),
      funds: db.funds.filter((f) => f.deletedAt === null),
      today: PINNED_TODAY,
    });
    // The sample household has an instalment plan, a savings group and a fund: their dates are in.
    for (const kind of ['instalment', 'contribution', 'fund'])
      expect(due.map((d) => d.kind)).toContain(kind);
    expect(due.length).toBeGreaterThan(0);
    const [first, second] = exported as [ReturnType<typeof parseIcs>, ReturnType<typeof parseIcs>];
    expect(first).toHaveLength(due.length);
    for (const d of due) {
      const event = first.find((e) => e.uid === calendarUid(d));
      expect(event?.start, calendarUid(d)).toBe(d.date);
      expect(event?.alarms).toEqual([-(2 * 24 - 9) * 3600]);
    }
    expect(first.some((e) => e.summary.startsWith('Hóa đơn đến hạn: '))).toBe(true);
    expect(second.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort());
  });
});
