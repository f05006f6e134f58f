import { isUniqueViolation } from '../db/client';
import { DomainError } from './errors';

/**
 * Runs a transaction that numbers a new version max+1: when another writer committed the same number first, the
 * unique index refuses the row and the user gets a conflict to retry (409), never a 500.
 */
export function numbered<T>(write: () => T, clash: string): T {
  try {
    return write();
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('conflict', clash);
    throw e;
  }
}
