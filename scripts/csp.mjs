// One Content-Security-Policy for the server header and the static-hosting meta tag.
// Nothing here is loosened: the build inlines no script or style (Svelte emits CSS files,
// vite-plugin-pwa registers the worker from a file), and every test runs under this policy.
export const CSP_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

/** frame-ancestors is ignored in a meta tag, so only the header carries it. */
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');
export const CSP_META = CSP_DIRECTIVES.join('; ');
