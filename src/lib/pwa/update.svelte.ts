import { registerSW } from 'virtual:pwa-register';

/**
 * Service-worker lifecycle as rune state. With registerType 'prompt' a new worker waits until the
 * person taps Reload, so an update never swaps code under a half-filled form.
 */
class PwaUpdate {
  needRefresh = $state(false);
  offlineReady = $state(false);
  private updateSW: ((reload?: boolean) => Promise<void>) | null = null;

  start(): void {
    if (!('serviceWorker' in navigator)) return;
    this.updateSW = registerSW({
      immediate: true,
      onNeedRefresh: () => {
        this.needRefresh = true;
      },
      onOfflineReady: () => {
        this.offlineReady = true;
      },
    });
  }

  async apply(): Promise<void> {
    this.needRefresh = false;
    // workbox-window reloads only for updates it found itself; an update the browser found on
    // its own ("external") takes control without one, so reload on the controller change too.
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
      once: true,
    });
    await this.updateSW?.(true);
  }

  dismiss(): void {
    this.needRefresh = false;
  }
}

export const pwaUpdate = new PwaUpdate();
