import { offerUndo, withUndo } from './with-undo';

/**
 * The one-tap answers of a due list (Paid, Received, Not this time), each said with Undo
 * (with-undo.ts). The write functions load with the first tap, not with the list (`load`);
 * while one tap's write runs, `busy` is true and the list's buttons wait, so a double tap is one
 * write. The due list's bills and pay days, debt instalments and savings-group rounds each keep
 * one of these.
 */
export class UndoTaps<W> {
  busy = $state(false);

  constructor(private readonly load: () => Promise<W>) {}

  /**
   * One tap: `write` runs (unless another is under way), its toast says `message` with Undo,
   * which runs `undo` on what was written. A write that returns null wrote nothing (another tap
   * or tab logged it first): `nothing` is said, with no Undo.
   */
  tap<T>(
    write: (w: W) => Promise<T | null>,
    message: (done: T) => string,
    undo: (w: W, done: T) => Promise<unknown>,
    nothing?: () => string,
  ): void {
    if (this.busy) return;
    this.busy = true;
    void this.load()
      .then((w) =>
        withUndo(
          () => write(w),
          message,
          (done) => undo(w, done),
          { nothing },
        ),
      )
      .finally(() => (this.busy = false));
  }

  /** A save its form has already written ("paid a different amount"): said with Undo. */
  saved<T>(done: T, message: string, undo: (w: W, done: T) => Promise<unknown>): void {
    offerUndo(done, message, async (written) => undo(await this.load(), written));
  }
}
