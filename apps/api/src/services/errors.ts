import type { ImportIssue } from './import-errors';

export type DomainErrorKind = 'bad_request' | 'conflict' | 'not_found' | 'forbidden';

/** A refusal the user can act on; adapters map `kind` to their status codes and show `message` as is. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly issues: ImportIssue[] = [],
  ) {
    super(message);
  }
}
