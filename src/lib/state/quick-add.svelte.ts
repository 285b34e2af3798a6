/**
 * Quick add, opened from anywhere: the floating button, or a next step on the dashboard that
 * knows which stream and which day the entry is for ("Log October's income").
 */
class QuickAddRequest {
  open = $state(false);
  /** The stream and date the form starts on; null: the last stream used, today. */
  streamId = $state<string | null>(null);
  date = $state<string | null>(null);

  show(start: { streamId?: string; date?: string } = {}): void {
    this.streamId = start.streamId ?? null;
    this.date = start.date ?? null;
    this.open = true;
  }

  close(): void {
    this.open = false;
  }
}

export const quickAdd = new QuickAddRequest();
