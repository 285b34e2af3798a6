import { m } from '../../paraglide/messages.js';
import type { MemberRole, StreamCadence, StreamKind } from '../domain/model';

export const KIND_LABEL: Record<StreamKind, () => string> = {
  formal: m.kind_formal,
  informal: m.kind_informal,
  microtask: m.kind_microtask,
  support: m.kind_support,
};

export const ROLE_LABEL: Record<MemberRole, () => string> = {
  adult: m.str_role_adult,
  youth: m.str_role_youth,
  elder: m.str_role_elder,
};

export const CADENCE_LABEL: Record<StreamCadence, () => string> = {
  monthly: m.str_cadence_monthly,
  biweekly: m.str_cadence_biweekly,
  weekly: m.str_cadence_weekly,
  daily: m.str_cadence_daily,
  irregular: m.str_cadence_irregular,
};

/** What the platform field is called for each kind: the employer of a job, a micro-task platform… */
export const PLATFORM_LABEL: Record<StreamKind, () => string> = {
  formal: m.str_employer,
  informal: m.str_place,
  microtask: m.str_platform,
  support: m.str_from_whom,
};
