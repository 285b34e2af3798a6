interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** Keeps the browser's install offer so Settings can show "Install Anyam" only when it exists. */
class InstallPrompt {
  private event: BeforeInstallPromptEvent | null = null;
  available = $state(false);

  listen(): void {
    window.addEventListener('beforeinstallprompt', (e) => {
      e.preventDefault();
      this.event = e as BeforeInstallPromptEvent;
      this.available = true;
    });
    window.addEventListener('appinstalled', () => {
      this.event = null;
      this.available = false;
    });
  }

  async prompt(): Promise<void> {
    const event = this.event;
    if (!event) return;
    await event.prompt();
    const { outcome } = await event.userChoice;
    if (outcome === 'accepted') {
      this.event = null;
      this.available = false;
    }
  }
}

export const installPrompt = new InstallPrompt();
