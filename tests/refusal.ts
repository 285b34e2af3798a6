import { AnyamError } from '../src/lib/domain/model';

/** The AnyamError `promise` is refused with; fails the test if it resolves or throws another. */
export async function errorOf(promise: Promise<unknown>): Promise<AnyamError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AnyamError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
