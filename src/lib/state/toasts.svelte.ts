export interface Toast {
  id: number;
  text: string;
  action?: { label: string; run: () => void | Promise<void> };
  /** Its action takes the keyboard when shown (the Undo after a delete). */
  focus?: boolean;
}

/**
 * Short messages above the navigation, at most two at a time (the oldest gives way); one with an
 * action (Undo) stays a little longer.
 */
const MAX_VISIBLE = 2;

class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  show(
    text: string,
    action?: Toast['action'],
    ms = action ? 8000 : 4000,
    options: { focus?: boolean } = {},
  ): void {
    const id = this.#next++;
    this.items = [...this.items.slice(-(MAX_VISIBLE - 1)), { id, text, action, ...options }];
    setTimeout(() => this.dismiss(id), ms);
  }

  /** Drops every message (one written before "hide amounts" may name an amount). */
  clear(): void {
    this.items = [];
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
