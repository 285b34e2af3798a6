import { AnyamError, type BaseRecord, type Member, type MemberRole } from '../../domain/model';
import { validateRecord } from '../../domain/schema';
import { getDb, type AnyamDatabase } from '../database';
import {
  baseFields,
  definedOnly,
  listSmall,
  nowIso,
  requireLive,
  restoreIn,
  softDeleteIn,
} from './record';
import { writeTransaction } from './transaction';
import { compareMembers } from './list-orders';

export { compareMembers };

export interface MemberInput extends Partial<BaseRecord> {
  name: string;
  /** '#rrggbb'; a neutral grey when the form did not pick one. */
  color?: string;
  role?: MemberRole;
  archived?: boolean;
  isSample?: boolean;
}

export type MemberPatch = Partial<Pick<Member, 'name' | 'color' | 'role' | 'archived'>>;

const DEFAULT_COLOR = '#607d8b';

function checked(member: Member): Member {
  return validateRecord('members', member);
}

export async function addMember(input: MemberInput): Promise<Member> {
  const member = newMember(input);
  return writeTransaction(['members'], async (db) => {
    await db.members.add(member);
    return member;
  });
}

/** The member addMember would write, validated. */
export function newMember(input: MemberInput): Member {
  return checked({
    ...baseFields(input),
    name: input.name,
    color: input.color ?? DEFAULT_COLOR,
    role: input.role ?? 'adult',
    archived: input.archived ?? false,
    isSample: input.isSample ?? false,
  });
}

export async function updateMember(id: string, patch: MemberPatch): Promise<Member> {
  return writeTransaction(['members'], async (db) => {
    const before = await requireLive(db.members, id, 'member/not-found');
    const after = checked({ ...before, ...definedOnly(patch), updatedAt: nowIso() });
    await db.members.put(after);
    return after;
  });
}

/** What still points at a member; a member in use cannot be deleted (archive it instead). */
async function usesOfMember(db: AnyamDatabase, id: string): Promise<Record<string, number>> {
  const [streams, training, plans] = await Promise.all([
    db.streams
      .where('memberId')
      .equals(id)
      .filter((s) => s.deletedAt === null)
      .count(),
    db.training
      .where('memberId')
      .equals(id)
      .filter((t) => t.deletedAt === null)
      .count(),
    db.plans.filter((p) => p.memberId === id && p.deletedAt === null).count(),
  ]);
  return { streams, training, plans };
}

/**
 * Soft-deletes a member nothing live refers to; otherwise 'member/in-use' with the counts, so
 * the view can offer to archive the member or delete the streams first.
 */
export async function deleteMember(id: string): Promise<Member> {
  return writeTransaction(['members', 'streams', 'training', 'plans'], async (db) => {
    await requireLive(db.members, id, 'member/not-found');
    const uses = await usesOfMember(db, id);
    if (Object.values(uses).some((n) => n > 0))
      throw new AnyamError('member/in-use', { id, ...uses });
    // Stryker disable next-line StringLiteral: requireLive above, in the same transaction, already refused a missing or deleted member with this code
    return softDeleteIn(db.members, id, 'member/not-found');
  });
}

export async function restoreMember(id: string): Promise<Member> {
  return writeTransaction(['members'], (db) => restoreIn(db.members, id, 'member/not-found'));
}

export async function getMember(id: string): Promise<Member | undefined> {
  return getDb().members.get(id);
}

/** Members in the order they were added; deleted ones only when asked for. */
export async function listMembers(options: { includeDeleted?: boolean } = {}): Promise<Member[]> {
  const rows = await listSmall(getDb().members, options.includeDeleted);
  return rows.sort(compareMembers);
}
