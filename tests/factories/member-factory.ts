import { MEMBER_ROLES, type Member } from '../../src/lib/domain/model';
import { ALL_NAMES, COLORS, stamp } from './catalog';
import { defineFactory, type Make } from './factory';

export const makeMember: Make<Member> = (rng, index) => {
  const createdAt = stamp('2025-01-01', index * 60);
  return {
    id: rng.uuid(),
    createdAt,
    updatedAt: createdAt,
    deletedAt: null,
    name: rng.pick(ALL_NAMES),
    color: COLORS[index % COLORS.length]!,
    role: index === 0 ? 'adult' : rng.pick(MEMBER_ROLES),
    archived: false,
    isSample: false,
  };
};

export const memberFactory = defineFactory(makeMember);
