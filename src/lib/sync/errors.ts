import { m } from '../../paraglide/messages.js';
import { isAnyamError } from '../domain/model';
import { errorText } from '../i18n/error-text';

/** The words for a sync error's code (sync/…); anything else as every other error. */
export function syncErrorText(error: unknown): string {
  if (!isAnyamError(error)) return errorText(error);
  switch (error.code) {
    case 'sync/empty':
      return m.sy_err_empty();
    case 'sync/damaged':
    case 'sync/invalid-code':
    case 'sync/field-too-long':
      return m.sy_err_damaged();
    case 'sync/not-a-code':
      return m.sy_err_not_code();
    case 'sync/newer-version':
      return m.sy_err_newer();
    case 'sync/other-household':
      return m.sy_err_other_household();
    case 'sync/replayed':
      return m.sy_err_replayed();
    case 'sync/wrong-step':
      return error.details.expected === 'offer' ? m.sy_err_wants_offer() : m.sy_err_wants_answer();
    case 'sync/closed':
      return m.sy_err_closed();
    case 'sync/transfer-damaged':
      return m.sy_err_transfer();
    case 'sync/too-large':
      return m.sy_err_too_large();
    case 'sync/unsupported':
      return m.sy_err_unsupported();
    case 'sync/timeout':
    case 'sync/unreachable':
      return m.sy_timeout();
    default:
      return errorText(error);
  }
}
