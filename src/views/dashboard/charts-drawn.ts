/**
 * Whether every chart card near the screen in `root` has drawn (or says it cannot): a chart
 * further down is drawn when scrolled to, so it does not count. Reported now and whenever a
 * chart's data-drawn, data-near or data-unavailable changes. Returns the stop function.
 */
export function watchChartsDrawn(root: HTMLElement, report: (drawn: boolean) => void): () => void {
  const check = () =>
    report(
      [...root.querySelectorAll('[data-chart]')].every(
        (c) =>
          c.getAttribute('data-drawn') === 'true' ||
          c.getAttribute('data-near') === 'false' ||
          c.getAttribute('data-unavailable') === 'true',
      ),
    );
  check();
  const observer = new MutationObserver(check);
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-drawn', 'data-near', 'data-unavailable'],
  });
  return () => observer.disconnect();
}
