import { describe, expect, it } from 'vitest';
import { allZero, cell, wrapLabel } from '../../src/lib/charts/common';

describe('charts with nothing to draw', () => {
  it('allZero: only zeros and missing values draw nothing but an axis', () => {
    expect(allZero([0, 0, 0])).toBe(true);
    expect(allZero([0, null, Number.NaN], [0])).toBe(true);
    expect(allZero()).toBe(true);
    expect(allZero(new Float64Array(3))).toBe(true);
    expect(allZero([0, 0], [0, 1])).toBe(false);
    expect(allZero([-5])).toBe(false);
  });

  it('cell: a missing value says the given word instead of a bare dash', () => {
    expect(cell(null, String, 'not measured')).toBe('not measured');
    expect(cell(undefined, String)).toBe('—');
    expect(cell(3, (v) => `${v} pts`, 'not measured')).toBe('3 pts');
  });

  it('wrapLabel: a long stream name goes on lines of its own, a short one stays whole', () => {
    expect(wrapLabel('Salary')).toBe('Salary');
    expect(wrapLabel('From Tito Ramon in Dubai')).toEqual(['From Tito Ramon', 'in Dubai']);
    expect(wrapLabel('Supercalifragilisticexpialidocious')).toBe(
      'Supercalifragilisticexpialidocious',
    );
  });
});
