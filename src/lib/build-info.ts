/**
 * The release this code belongs to. Its own chunk (vite.config.ts): the build id changes with
 * every build, and inlined into the settings view it made every release download that whole view
 * again.
 */
export const APP_VERSION: string = __ANYAM_VERSION__;
// Through a call the minifier cannot fold: as a plain constant it was inlined into the settings
// view again, across the chunk boundary (the update re-downloaded that view; issue 29).
export const BUILD_ID: string = globalThis.String(__ANYAM_BUILD_ID__);
