export interface Toast {
  readonly id: number;
  readonly text: string;
  readonly action?: { label: string; run: () => void | Promise<void> };
  /** Its action takes the keyboard when shown (the Undo after a delete). */
  readonly focus?: boolean;
}

/** Messages alive at once; a newer one pushes the oldest out. */
const MAX_ALIVE = 3;

/**
 * Short messages above the navigation, one on screen at a time: the newest in front, the others
 * still alive counted behind it (the band shows "+1", which brings the next one forward), so on
 * a phone the band is never more than one message high (issue 24: two stacked toasts covered a
 * quarter of a 360×740 screen). Each goes after its own time; one with an action (Undo) stays a
 * little longer.
 */
export class Toasts {
  #items = $state.raw<readonly Toast[]>([]);
  #next = 1;

  /** Every message alive, oldest first; the last is the one on screen. */
  get items(): readonly Toast[] {
    return this.#items;
  }

  /** The message on screen, if any. */
  get shown(): Toast | null {
    return this.#items.at(-1) ?? null;
  }

  /** How many others are alive behind the one on screen. */
  get waiting(): number {
    return Math.max(0, this.#items.length - 1);
  }

  show(
    text: string,
    action?: Toast['action'],
    ms = action ? 8000 : 4000,
    options: { focus?: boolean } = {},
  ): void {
    const id = this.#next++;
    this.#items = [...this.#items.slice(-(MAX_ALIVE - 1)), { id, text, action, ...options }];
    setTimeout(() => this.dismiss(id), ms);
  }

  /** Brings the newest of those waiting forward; the one on screen goes to the back. */
  showNext(): void {
    const front = this.shown;
    if (!front || this.#items.length < 2) return;
    this.#items = [front, ...this.#items.slice(0, -1)];
  }

  /** Drops every message (one written before "hide amounts" may name an amount). */
  clear(): void {
    this.#items = [];
  }

  dismiss(id: number): void {
    this.#items = this.#items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
