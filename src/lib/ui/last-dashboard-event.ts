/**
 * What the dashboard sends on `window` once it has drawn its score, empty state or failure, so
 * that the last dashboard (last-dashboard.svelte.ts) gives way. An event, not an import: the
 * dashboard's chunks importing the shell's module made Rolldown split Svelte's runtime out of
 * the entry chunk (one more request before onboarding).
 */
export const DASHBOARD_DRAWN = 'anyam:dashboard-drawn';
