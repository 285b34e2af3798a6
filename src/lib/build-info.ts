/**
 * The release this code belongs to. Its own chunk (vite.config.ts): the build id changes with
 * every build, and inlined into the settings view it made every release download that whole view
 * again.
 */
export const APP_VERSION: string = __ANYAM_VERSION__;
export const BUILD_ID: string = __ANYAM_BUILD_ID__;
