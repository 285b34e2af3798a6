import type { IsoDate, MinorUnits } from '../lib/domain/model';

/** What "paid a different amount" (PaidAmountForm.svelte) read, for the repository call. */
export interface PaidAmount {
  date: IsoDate;
  amountMinor: MinorUnits;
  /** Trimmed; '' when the form has no note. */
  note: string;
}
