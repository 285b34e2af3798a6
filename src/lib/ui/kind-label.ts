import { m } from '../../paraglide/messages.js';
import type { StreamKind } from '../domain/model';

const LABELS: Record<StreamKind, () => string> = {
  formal: m.kind_formal,
  informal: m.kind_informal,
  microtask: m.kind_microtask,
  support: m.kind_support,
};

export function kindLabel(kind: StreamKind): string {
  return LABELS[kind]();
}
