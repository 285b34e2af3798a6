// Issue 28 (mutation round): a name someone can see (names.ts): one visible character is enough;
// spaces and invisible format characters alone are not a name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasVisibleCharacter } from '../../src/lib/domain/names';

const INVISIBLE = [
  ' ',
  '\t',
  '\n',
  '\u00A0',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u3000',
];

describe('a name someone can see', () => {
  it('has a letter, mark, number, symbol or punctuation sign in any script', () => {
    for (const name of ['A', 'Lương', 'ก', 'مريم', '7', '₱', '🙂', '-', '.', 'x\u200B']) {
      expect(hasVisibleCharacter(name)).toBe(true);
    }
  });

  it('is not made of spaces and invisible characters alone, nor empty', () => {
    expect(hasVisibleCharacter('')).toBe(false);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 12 }), (chars) => {
        expect(hasVisibleCharacter(chars.join(''))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('one visible character among invisible ones is enough, wherever it stands', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 8 }),
        fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 8 }),
        fc.constantFrom('a', 'Đ', '5', '$', '!'),
        (before, after, visible) => {
          expect(hasVisibleCharacter(before.join('') + visible + after.join(''))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
