/**
 * What a failed view shows and lets the person copy: a short code (Anyam's own, such as
 * 'money/invalid', or the JavaScript error's name) and a plain-text report to paste into a
 * message. Duck-typed rather than importing AnyamError, so the app shell stays free of the
 * domain code.
 */

export function errorCode(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown } | null;
  if (e && typeof e.code === 'string' && e.code !== '') return e.code;
  if (e && typeof e.name === 'string' && e.name !== '') return e.name;
  return 'unknown';
}

function detailsText(error: unknown): string {
  const details = (error as { details?: unknown } | null)?.details;
  if (details === undefined) return '';
  try {
    return JSON.stringify(details, (_key, value: unknown) =>
      typeof value === 'bigint' ? String(value) : value instanceof Error ? value.message : value,
    );
  } catch {
    return typeof details === 'string' ? details : '';
  }
}

export function errorReport(error: unknown, view: string, now = new Date()): string {
  const e = error as { message?: unknown; stack?: unknown } | null;
  const version = typeof __ANYAM_VERSION__ === 'string' ? __ANYAM_VERSION__ : 'unknown';
  const lines = [
    `Anyam ${version}`,
    `View: ${view}`,
    `Code: ${errorCode(error)}`,
    `Message: ${e && typeof e.message === 'string' ? e.message : String(error)}`,
    `Details: ${detailsText(error)}`,
    `Time: ${now.toISOString()}`,
    `Browser: ${typeof navigator === 'undefined' ? '' : navigator.userAgent}`,
  ];
  if (e && typeof e.stack === 'string') lines.push('', e.stack);
  return lines.join('\n');
}
