import { describe, expect, it } from 'vitest';
import { AnyamError, isAnyamError } from '../../src/lib/domain/model';

describe('AnyamError', () => {
  it('carries a stable code that views translate', () => {
    const e = new AnyamError('money/invalid', { input: 'abc' });
    expect(isAnyamError(e)).toBe(true);
    expect(e.code).toBe('money/invalid');
    expect(e.details).toEqual({ input: 'abc' });
  });
});
