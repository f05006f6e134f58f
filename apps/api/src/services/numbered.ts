import { isUniqueViolation } from '../db/client';
import { DomainError } from './errors';

/**
 * Runs a transaction that numbers a new version max+1: when another writer committed the same number first, the
 * unique index refuses the row and the user gets a conflict to retry (409), never a 500.
 */
export async function numbered<T>(write: () => Promise<T>, clash: string): Promise<T> {
  try {
    // Awaited here, so a refusal of the asynchronous write is caught by this try.
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('conflict', clash);
    throw e;
  }
}
