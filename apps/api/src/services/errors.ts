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

/** Outside the scope reads the same as not there at all, so codes and ids cannot be probed. */
export const outOfScope = '无权访问管辖范围以外的单位，或该单位不存在';

export const unseenOrder = (id: number) => new DomainError('not_found', `督办单 ${id} 不存在，或不在您的管辖范围内`);
