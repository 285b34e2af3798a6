/**
 * How a stored name is read (issue 28, seventh round): a sample label token of a known key, a
 * sample person token, or the household's own text, unchanged. A name the household typed that
 * only looks like a token (an unknown key, text around it, braces in the person's name) is its
 * own text: it must never be shown translated or with "(sample)" after it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SAMPLE_HOUSEHOLD_NAME,
  SAMPLE_LABEL_KEYS,
  parseName,
  sampleLabelToken,
  samplePersonToken,
} from '../../src/lib/domain/sample-names';

const keyArb = fc.constantFrom(...SAMPLE_LABEL_KEYS);
/** A person's name as the sample stores one: no braces. */
const personArb = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/[{}]/.test(s));

describe('a stored name is a label, a person or the household’s own text', () => {
  it('every label key reads back from its token', () => {
    fc.assert(
      fc.property(keyArb, (key) => {
        expect(sampleLabelToken(key)).toBe(`{{sample:${key}}}`);
        expect(parseName(sampleLabelToken(key))).toEqual({ kind: 'label', key });
      }),
      { numRuns: 300 },
    );
    expect(parseName(SAMPLE_HOUSEHOLD_NAME)).toEqual({ kind: 'label', key: 'household' });
  });

  it('every person reads back from its token', () => {
    fc.assert(
      fc.property(personArb, (name) => {
        expect(samplePersonToken(name)).toBe(`{{sample-person:${name}}}`);
        expect(parseName(samplePersonToken(name))).toEqual({ kind: 'person', name });
      }),
      { numRuns: 300 },
    );
  });

  it('an unknown key, text around a token or an empty person is the household’s own text', () => {
    const own = (text: string) => ({ kind: 'own', text });
    for (const text of [
      '{{sample:salaryX}}',
      '{{sample:}}',
      '{{sample:Salary}}',
      'x{{sample:salary}}',
      '{{sample:salary}}x',
      '{{sample-person:}}',
      '{{sample-person:A}}b',
      'a{{sample-person:A}}',
      '{{sample-person:A{B}}',
      '{{sample-person:A}B}}',
      '',
      'Budi',
    ]) {
      expect(parseName(text)).toEqual(own(text));
    }
  });

  it('any text that is not a token is read as itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        fc.pre(!text.startsWith('{{sample'));
        expect(parseName(text)).toEqual({ kind: 'own', text });
      }),
      { numRuns: 300 },
    );
  });
});
