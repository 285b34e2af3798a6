import { m } from '../../paraglide/messages.js';
import type { PlaceKind } from '../../lib/domain/model';
import { registerErrorTexts } from '../../lib/i18n/error-text';

export const PLACE_KIND_LABEL: Record<PlaceKind, () => string> = {
  cash: m.plan_place_kind_cash,
  bank: m.plan_place_kind_bank,
  ewallet: m.plan_place_kind_ewallet,
  group: m.plan_place_kind_group,
  other: m.plan_place_kind_other,
};

registerErrorTexts({
  'saving/negative-balance': () => m.err_saving_negative(),
  'saving/unknown-place': () => m.err_saving_unknown_place(),
});
