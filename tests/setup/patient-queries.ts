// A component test's `findBy…` and `waitFor` wait up to 15 s instead of Testing Library's 1 s:
// on a loaded machine (two Vitest workers beside Chromium) a first render that reads IndexedDB
// took over a second, and the test failed for slowness, not for a bug. Speed is measured by
// `npm run bench`, never by a test (docs/testing.md).
// A module (top-level await), with nothing to export.
export {};

if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: 15_000 });
}
