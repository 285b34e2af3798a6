import { AnyamError } from '../domain/model';

/**
 * The browser's storage manager: persistence (so that the browser does not evict the household's
 * only copy of its data under storage pressure), usage, and quota errors. Every call tolerates
 * browsers and test environments without `navigator.storage`.
 */

export interface StorageEstimate {
  /** Bytes used by this origin, when the browser tells. */
  usage: number | null;
  /** Bytes this origin may use, when the browser tells. */
  quota: number | null;
  /** Whether the browser promised not to evict the data; null when it cannot say. */
  persisted: boolean | null;
}

function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Asks the browser to keep the data under storage pressure; true when it is (now) persistent. */
export async function requestPersistence(): Promise<boolean> {
  const storage = storageManager();
  if (typeof storage?.persist !== 'function') return false;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    // Some browsers reject in private windows; the data still works, only unprotected.
    return false;
  }
}

let persistenceRequested = false;

/**
 * Called after every successful write; asks once per page load. Asking before anything is
 * saved would spend Firefox's one-time permission prompt on an empty app.
 */
export function requestPersistenceOnFirstSave(): void {
  if (persistenceRequested) return;
  persistenceRequested = true;
  void requestPersistence();
}

/** What the settings view shows: usage, quota and persistence. */
export async function estimateStorage(): Promise<StorageEstimate> {
  const storage = storageManager();
  const result: StorageEstimate = { usage: null, quota: null, persisted: null };
  if (!storage) return result;
  try {
    if (typeof storage.estimate === 'function') {
      const estimate = await storage.estimate();
      result.usage = estimate.usage ?? null;
      result.quota = estimate.quota ?? null;
    }
    if (typeof storage.persisted === 'function') result.persisted = await storage.persisted();
  } catch {
    // An estimate is informative only; leave the unknown parts null.
  }
  return result;
}

const QUOTA_NAMES = new Set([
  'QuotaExceededError',
  // Firefox before 2019 used its own name.
  'NS_ERROR_DOM_QUOTA_REACHED',
]);

/**
 * True when `error` is, wraps or contains a quota error. Dexie re-wraps IndexedDB errors (the
 * original in `inner`) and a bulk write collects per-row `failures`; an aborted transaction may
 * report the abort rather than its cause, hence the walk.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== 'object') return false;
  const e = error as {
    name?: unknown;
    code?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  // DOMException.QUOTA_EXCEEDED_ERR, from browsers that predate the name.
  if (e.code === 22 && e.name !== 'AnyamError') return true;
  if (isQuotaExceeded(e.inner, depth + 1) || isQuotaExceeded(e.cause, depth + 1)) return true;
  const failures = Array.isArray(e.failures)
    ? e.failures
    : e.failures && typeof e.failures === 'object'
      ? Object.values(e.failures)
      : [];
  return failures.some((failure) => isQuotaExceeded(failure, depth + 1));
}

/** The typed error views translate: the device has no room left for this write. */
export function storageFullError(cause: unknown): AnyamError {
  return new AnyamError('storage/full', { cause }, 'The device storage is full');
}
