import { isAnyamError } from '../domain/model';

/** Which form field an error code belongs to, so its message shows next to that field. */
export function fieldOfError(error: unknown): string {
  if (!isAnyamError(error)) return 'form';
  const field = typeof error.details.field === 'string' ? error.details.field : '';
  const [prefix = '', reason = ''] = error.code.split('/');
  if (prefix === 'money' || reason === 'invalid-amount') return 'amount';
  // A form with several dates (startedOn, endedOn, dueOn) gets the one that failed.
  if (prefix === 'date' || reason.includes('date')) return /date|On$/.test(field) ? field : 'date';
  if (reason === 'invalid-minutes')
    return field.startsWith('unpaid') ? 'unpaidMinutes' : 'paidMinutes';
  if (reason === 'note-too-long') return 'note';
  if (reason.includes('name') || reason === 'empty-title') return 'name';
  if (reason === 'unknown-stream') return 'stream';
  if (reason === 'unknown-member') return 'member';
  if (reason.includes('currency')) return 'currency';
  return field || 'form';
}
