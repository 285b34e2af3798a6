import { describe, expect, it } from 'vitest';
import { Resolver } from '../../src/lib/db/backup/csv-resolve';
import type { Member, Stream } from '../../src/lib/domain/model';

const common = { createdAt: '', updatedAt: '', deletedAt: null, isSample: true } as const;
const member = { ...common, id: 'm1', name: '{{sample-person:Sari}}' } as unknown as Member;
const stream = {
  ...common,
  id: 's1',
  memberId: 'm1',
  name: '{{sample:salary}}',
} as unknown as Stream;
const shown: Record<string, string> = {
  '{{sample:salary}}': 'Factory salary',
  '{{sample-person:Sari}}': 'Sari (sample)',
};
const hints = { kind: null, platform: null, currency: null };

describe('a CSV names the sample household as the screen shows it', () => {
  it('finds a sample stream and member by the names shown in the current language', () => {
    const resolver = new Resolver({
      members: [member],
      streams: [stream],
      nameOf: (stored) => shown[stored] ?? stored,
    });
    expect(resolver.resolve('Factory salary', '', hints)).toEqual({ stream });
    expect(resolver.resolve('factory  SALARY', 'Sari (sample)', hints)).toEqual({ stream });
  });

  it('without the shown names, the token is all it matches', () => {
    const resolver = new Resolver({ members: [member], streams: [stream] });
    expect(resolver.resolve('Factory salary', '', hints)).not.toEqual({ stream });
  });
});
