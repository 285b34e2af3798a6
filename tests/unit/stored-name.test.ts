import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SAMPLE_LABEL_KEYS,
  sampleLabelToken,
  samplePersonToken,
} from '../../src/lib/domain/sample-names';
import { displayName, storedName } from '../../src/lib/i18n/sample-labels';

/*
 * A name field shows displayName(stored); what it saves is storedName(stored, typed): the stored
 * name while the person leaves the field as shown (a sample's token keeps following the
 * language), the typed text once they change it.
 */
const tokens = [
  ...SAMPLE_LABEL_KEYS.map(sampleLabelToken),
  ...['Dewi', 'Minh', 'Maricel'].map(samplePersonToken),
];

describe('storedName', () => {
  it('gives the token back for a sample name left as shown, spaces around it ignored', () => {
    expect(storedName('{{sample:salary}}', 'Factory salary')).toBe('{{sample:salary}}');
    expect(storedName('{{sample:salary}}', '  Factory salary ')).toBe('{{sample:salary}}');
    expect(storedName('{{sample-person:Dewi}}', 'Dewi (sample)')).toBe('{{sample-person:Dewi}}');
    expect(storedName('{{sample:household}}', 'Sample household')).toBe('{{sample:household}}');
  });

  it('gives the typed text once it differs from what was shown', () => {
    expect(storedName('{{sample:salary}}', 'Factory salary (night)')).toBe(
      'Factory salary (night)',
    );
    expect(storedName('{{sample:salary}}', 'factory salary')).toBe('factory salary');
    expect(storedName('{{sample-person:Dewi}}', 'Dewi')).toBe('Dewi');
    expect(storedName('Rent', 'House rent')).toBe('House rent');
  });

  it('gives the typed text for a new record (nothing stored yet)', () => {
    expect(storedName(undefined, 'Tutoring')).toBe('Tutoring');
    expect(storedName(null, '')).toBe('');
  });

  it('any name, left as shown, is stored as it was; typed over, as typed (300 runs)', () => {
    const stored = fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(stored, fc.string({ maxLength: 40 }), (name, other) => {
        expect(storedName(name, displayName(name))).toBe(name);
        const typed = storedName(name, other);
        if (other.trim() === displayName(name).trim()) expect(typed).toBe(name);
        else expect(typed).toBe(other);
      }),
      { numRuns: 300 },
    );
  });
});
