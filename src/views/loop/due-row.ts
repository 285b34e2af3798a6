import type { IsoDate } from '../../lib/domain/model';

/** A button of a due row: the one-tap answer is `primary` (filled), the ones that ask more not. */
export interface DueAction {
  label: string;
  primary?: boolean;
  run: () => void;
}

/** One due row's words and buttons (DueRow.svelte), as a list of them gives it (DueRows.svelte). */
export interface DueRowData {
  /** Unique in its list: the row's identity across updates. */
  key: string;
  testid: string;
  /** 'Late', 'Bill', 'Instalment'…: a chip when due now, the line's first word coming up. */
  tag: string;
  /** "Rent · ₱2,500.00 · due Dec 10". */
  text: string;
  /** What the buttons are about ("Rent, due Dec 10"): their group's name, the quiet one's. */
  label: string;
  dueOn: IsoDate;
  /** Due now: the buttons; coming up: at most one, quiet, that opens a form. */
  actions: readonly DueAction[];
}
