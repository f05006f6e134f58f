import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { isBusy, isMissingReference, isOutOfRange, isUniqueViolation } from '../db/client';
import { DomainError, type DomainErrorKind } from '../services/errors';
import { FileFormatError } from '../services/files/file-format-error';
import { ImportRejected } from '../services/import-errors';

/**
 * Each kind of refusal by tRPC's name for it. tRPC's own table then gives its HTTP status, and the file and auth
 * routes answer with that same status, so one refusal cannot read 409 on one adapter and 400 on another.
 */
export const trpcCode: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  bad_request: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  too_many_requests: 'TOO_MANY_REQUESTS',
};

export function httpStatus(kind: DomainErrorKind) {
  return getHTTPStatusCodeFromError(new TRPCError({ code: trpcCode[kind] })) as 400 | 401 | 403 | 404 | 409 | 429;
}

/**
 * A failure the user can act on, as one DomainError whichever layer raised it: a service's own refusal, a file that
 * is no table or fails its import, or a clash the database reported (services word the clashes they expect; any
 * other lands here). Anything else is a fault, and no refusal.
 */
export function refusalOf(err: unknown): DomainError | undefined {
  if (err instanceof DomainError) return err;
  if (err instanceof ImportRejected) return new DomainError('bad_request', err.message, err.issues);
  if (err instanceof FileFormatError) return new DomainError('bad_request', err.message);
  if (isBusy(err))
    return new DomainError('conflict', '数据库正忙（另一项导入或写入正在进行），未保存任何内容，请稍后重试');
  if (isMissingReference(err)) return new DomainError('bad_request', '输入中的单位代码或编号不存在，未保存任何内容');
  if (isOutOfRange(err)) return new DomainError('bad_request', '输入中的数值超出允许范围，未保存任何内容');
  if (isUniqueViolation(err))
    return new DomainError('conflict', '另一项写入刚刚保存了相同的记录，未保存任何内容，请刷新后重试');
  return undefined;
}
