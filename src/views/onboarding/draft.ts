import { MEMBER_ROLES, type MemberRole } from '../../lib/domain/model';

/** A person typed on step 2, before the household is written. */
export interface DraftMember {
  key: number;
  name: string;
  role: MemberRole;
  color: string;
}

/** What onboarding has gathered so far: it survives a reload of the page, on any step. */
export interface OnboardingDraft {
  step: 1 | 2;
  name: string;
  currency: string;
  members: DraftMember[];
  memberName: string;
  memberRole: MemberRole;
}

/**
 * The draft lives in the page's history entry (history.state), which a reload keeps and which
 * goes when the tab does: nothing is written to localStorage or the database before the person
 * finishes, and a household started elsewhere never finds an old draft.
 */
const KEY = 'anyamOnboarding';

function isMember(value: unknown): value is DraftMember {
  const x = value as Partial<DraftMember> | null;
  return (
    typeof x?.key === 'number' &&
    typeof x.name === 'string' &&
    typeof x.color === 'string' &&
    MEMBER_ROLES.includes(x.role as MemberRole)
  );
}

/** The draft kept in this history entry, or null (none, or not one this code wrote). */
export function readDraft(): OnboardingDraft | null {
  const state: unknown = history.state;
  const draft = (state as Record<string, unknown> | null)?.[KEY] as Partial<OnboardingDraft>;
  if (typeof draft !== 'object' || draft === null) return null;
  if (draft.step !== 1 && draft.step !== 2) return null;
  if (typeof draft.name !== 'string' || typeof draft.currency !== 'string') return null;
  if (typeof draft.memberName !== 'string') return null;
  if (!MEMBER_ROLES.includes(draft.memberRole as MemberRole)) return null;
  if (!Array.isArray(draft.members) || !draft.members.every(isMember)) return null;
  return draft as OnboardingDraft;
}

/** Keeps `draft` in this history entry (the address and the other state stay as they are). */
export function keepDraft(draft: OnboardingDraft): void {
  const state: unknown = history.state;
  const others = typeof state === 'object' && state !== null ? state : {};
  history.replaceState({ ...others, [KEY]: draft }, '');
}
