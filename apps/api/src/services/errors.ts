import type { ImportIssue } from './import-errors';

export type DomainErrorKind =
  'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'too_many_requests';

/** A refusal the user can act on; every adapter maps `kind` through `trpc/refusals.ts` and shows `message` as is. */
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

/**
 * A record named by id that does not exist, or exists outside the caller's scope: both answer this, word for word
 * (but for the id the caller typed), so ids cannot be probed. `noun` names the kind of record.
 */
export const unseen = (noun: string, id: number) =>
  new DomainError('not_found', `${noun} ${id} 不存在，或不在您的管辖范围内`);

export const unseenOrder = (id: number) => unseen('督办单', id);
export const unseenDocument = (id: number) => unseen('报告', id);
export const unseenVisit = (id: number) => unseen('督导记录', id);
export const unseenItem = (id: number) => unseen('整改事项', id);
export const unseenAttachment = (id: number) => unseen('附件', id);
export const unseenEvidence = (id: number) => unseen('佐证文件', id);
