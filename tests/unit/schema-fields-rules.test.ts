/**
 * The field rules every record is built from (issue 28, seventh round), as a backup restore meets
 * them: a timestamp is exactly the form `toISOString()` gives for the years 0000–9999 (merges
 * compare `updatedAt` as text, and "+010000-…" or "-000001-…" would sort among the wrong years),
 * and a name someone cannot see is refused wherever a name is asked for.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AnyamError } from '../../src/lib/domain/model';
import { validateRecord } from '../../src/lib/domain/schema';
import {
  nameSchema,
  optionalNameSchema,
  timestampSchema,
} from '../../src/lib/domain/schema-fields';

const accepts = (schema: v.GenericSchema, value: unknown) => v.safeParse(schema, value).success;

/** Milliseconds of years 0000 through 9999, the four-digit years `toISOString` writes plainly. */
const MIN_MS = new Date('0000-01-01T00:00:00.000Z').getTime();
const MAX_MS = new Date('9999-12-31T23:59:59.999Z').getTime();

describe('a timestamp is exactly what toISOString() writes, years 0000–9999', () => {
  it('every instant of those years is accepted as toISOString() writes it', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_MS, max: MAX_MS }), (ms) => {
        expect(accepts(timestampSchema, new Date(ms).toISOString())).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('an extended year (six digits with a sign) is refused, though it reads back the same', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: MAX_MS + 1, max: 8.64e15 }),
          fc.integer({ min: -8.64e15, max: MIN_MS - 1 }),
        ),
        (ms) => {
          const text = new Date(ms).toISOString();
          expect(text).toMatch(/^[+-]\d{6}-/);
          expect(accepts(timestampSchema, text)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('anything before or after the timestamp is refused', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_MS, max: MAX_MS }),
        fc.string({ minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (ms, extra, before) => {
          const iso = new Date(ms).toISOString();
          expect(accepts(timestampSchema, before ? extra + iso : iso + extra)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a record with an extended-year timestamp is refused', () => {
    const member = {
      id: '6f0c1a52-3d1e-4b7a-9f0e-2b8c4d5e6f70',
      createdAt: '+010000-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      deletedAt: null,
      name: 'Siti',
      color: '#0f5c4d',
      role: 'adult',
      archived: false,
      isSample: false,
    };
    expect(() => validateRecord('members', member)).toThrow(AnyamError);
    expect(validateRecord('members', { ...member, createdAt: member.updatedAt }).name).toBe('Siti');
  });
});

describe('a name has at least one visible character', () => {
  // Format characters, not whitespace: `trim` would take a byte-order mark away and leave ''.
  const invisible = fc
    .array(fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\u200E'), {
      minLength: 1,
      maxLength: 6,
    })
    .map((cs) => cs.join(''));

  it('a name of invisible characters only is refused, required or optional', () => {
    fc.assert(
      fc.property(invisible, (name) => {
        expect(accepts(nameSchema, name)).toBe(false);
        expect(accepts(optionalNameSchema, name)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('one visible character among invisible ones is enough', () => {
    fc.assert(
      fc.property(invisible, fc.constantFrom('a', 'Đ', '7', '₱', '—', 'ữ'), (around, letter) => {
        expect(accepts(nameSchema, around + letter + around)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a member named with invisible characters is refused as invisible-name', () => {
    const member = {
      id: '6f0c1a52-3d1e-4b7a-9f0e-2b8c4d5e6f70',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      deletedAt: null,
      name: '\u200B\u200B',
      color: '#0f5c4d',
      role: 'adult',
      archived: false,
      isSample: false,
    };
    let code = '';
    try {
      validateRecord('members', member);
    } catch (e) {
      if (e instanceof AnyamError) code = e.code;
    }
    expect(code).toBe('member/invisible-name');
  });

  it('an optional name may be empty', () => {
    expect(accepts(optionalNameSchema, '')).toBe(true);
    expect(accepts(optionalNameSchema, '   ')).toBe(true);
    expect(accepts(nameSchema, '')).toBe(false);
  });
});
