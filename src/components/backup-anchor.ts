/** Where "Back up now" leads: the settings view, scrolled to its backup section. */
export const BACKUP_HASH = '#/settings/backup';
export const BACKUP_HEADING_ID = 'backup-heading';

/** Moves focus (and the view) to the backup section's heading, if it is on screen. */
export function focusBackupSection(): boolean {
  const heading = document.getElementById(BACKUP_HEADING_ID);
  if (!heading) return false;
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start' });
  return true;
}
