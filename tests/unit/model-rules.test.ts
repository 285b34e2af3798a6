/**
 * What an AnyamError carries (issue 28, seventh round): views translate its code, logs and the
 * console show its name and message, and `isAnyamError` tells it from any other thrown value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnyamError, isAnyamError } from '../../src/lib/domain/model';

describe('an AnyamError', () => {
  it('is named AnyamError, so a log or the console says what kind of error it is', () => {
    const e = new AnyamError('money/invalid');
    expect(e.name).toBe('AnyamError');
    expect(String(e)).toBe('AnyamError: money/invalid');
    expect(e).toBeInstanceOf(Error);
  });

  it('has its code as its message unless a message is given', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (code, message) => {
        expect(new AnyamError(code).message).toBe(code);
        expect(new AnyamError(code, {}, message).message).toBe(message);
        expect(new AnyamError(code, {}, message).code).toBe(code);
      }),
      { numRuns: 300 },
    );
  });

  it('has empty details when none are given', () => {
    expect(new AnyamError('date/invalid').details).toEqual({});
  });
});

describe('isAnyamError', () => {
  it('is true for an AnyamError only', () => {
    expect(isAnyamError(new AnyamError('x/y', { a: 1 }))).toBe(true);
    const lookalike = Object.assign(new Error('x/y'), { code: 'x/y', details: {} });
    lookalike.name = 'AnyamError';
    for (const other of [lookalike, new Error('x/y'), 'x/y', null, undefined, { code: 'x/y' }]) {
      expect(isAnyamError(other)).toBe(false);
    }
  });
});
