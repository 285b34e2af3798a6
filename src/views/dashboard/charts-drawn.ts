/**
 * Calls `report` now and on every change below `el` with whether each chart there is drawn, far
 * from the screen (drawn when scrolled to) or unavailable: half of data-dashboard-ready, what the
 * benchmark and the e2e tests wait for. Watching the charts' own data-near and data-drawn keeps
 * this in one place. Returns the function that stops watching.
 */
export function watchChartsDrawn(el: HTMLElement, report: (drawn: boolean) => void): () => void {
  const check = () => {
    const charts = el.querySelectorAll('[data-chart]');
    report(
      [...charts].every(
        (c) =>
          c.getAttribute('data-drawn') === 'true' ||
          c.getAttribute('data-near') === 'false' ||
          c.getAttribute('data-unavailable') === 'true',
      ),
    );
  };
  check();
  const observer = new MutationObserver(check);
  observer.observe(el, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-drawn', 'data-near', 'data-unavailable'],
  });
  return () => observer.disconnect();
}
