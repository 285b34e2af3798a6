// @vitest-environment jsdom
/**
 * Issue 22: "Getting paid makes the month look worse." Before the salary the card said there was
 * enough; one tap on Received turned it into "₱4,399.00 short … the income still expected
 * (₱0.00)". The verdict now weighs what the month brings (received + still expected) against
 * what it costs (paid + left to pay), so receiving the salary at its amount changes nothing.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import MonthCard from '../../src/views/loop/MonthCard.svelte';
import { afterSalary, beforeSalary, plans } from './loop-household';

afterEach(cleanup);

const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00A0\u202F\s]+/g, ' ').trim();

function card(loop: ReturnType<typeof beforeSalary>) {
  render(MonthCard, { glance: loop.glance, period: loop.period, plans, baseCurrency: 'PHP' });
  const text = (id: string) => plain(screen.getByTestId(id).textContent);
  const out = {
    income: text('month-income'),
    left: text('month-left'),
    verdict: text('month-covers'),
  };
  cleanup();
  return out;
}

describe('the month card', () => {
  it('keeps its verdict when the salary is received at its amount', () => {
    const before = card(beforeSalary());
    const after = card(afterSalary());
    // The contradiction: the old card said "covers" before and "₱4,399.00 short" after.
    expect(after.verdict).toBe(before.verdict);
    expect(after.verdict).not.toMatch(/short/);
    // Brings ₱727.50 received + ₱6,000 still expected; costs ₱500 paid + ₱4,399 left.
    expect(before.verdict).toBe(
      'The income of December covers its bills, with ₱1,828.50 to spare.',
    );
    // Only the received line moved, and it names its period.
    expect(before.income).toBe('December so far: ₱727.50 received, ₱6,000.00 still expected');
    expect(after.income).toBe(
      'December so far: ₱6,727.50 received, nothing more expected this month',
    );
    expect(after.left).toBe(before.left);
  });

  it('says what it compares, and that bills total the month’s bills', () => {
    render(MonthCard, {
      glance: beforeSalary().glance,
      period: beforeSalary().period,
      plans,
      baseCurrency: 'PHP',
    });
    expect(plain(screen.getByTestId('month-left').textContent)).toBe(
      '₱4,399.00 of ₱4,899.00 left to pay',
    );
    const verdict = plain(screen.getByTestId('month-verdict').textContent);
    expect(verdict).toContain('Income: received + still expected ₱6,727.50');
    expect(verdict).toContain('Bills: paid + left to pay ₱4,899.00');
  });
});
