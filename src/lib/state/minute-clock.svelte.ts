/**
 * The time a reminder is judged by: refreshed every minute and when the app comes back to the
 * front, so that a banner due while the phone slept shows without a reload. Call it while a
 * component initialises (it sets up an effect that stops with the component).
 */
export function minuteClock(): { readonly now: Date } {
  let now = $state(new Date());
  $effect(() => {
    const tick = () => (now = new Date());
    const timer = setInterval(tick, 60_000);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  });
  return {
    get now() {
      return now;
    },
  };
}
