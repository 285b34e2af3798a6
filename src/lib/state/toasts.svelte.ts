export interface Toast {
  id: number;
  text: string;
  action?: { label: string; run: () => void | Promise<void> };
}

/** Short messages at the bottom of the screen; one with an action (Undo) stays a little longer. */
class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  show(text: string, action?: Toast['action'], ms = action ? 8000 : 4000): void {
    const id = this.#next++;
    this.items = [...this.items.slice(-2), { id, text, action }];
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
