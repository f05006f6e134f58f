/** What the user reads when the database is gone: nothing was saved, try again, and the id to quote. */
export const unavailableMessage = (requestId: string | undefined) =>
  `数据库暂时不可用，本次操作未保存，请稍后重试（请求编号 ${requestId ?? '-'}）`;

// Node's socket errors, PostgreSQL's connection class (08), shutdown and start-up (57P0x) and too many connections;
// SQLite's file that cannot be opened, written (read-only, moved, deleted) or read back.
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const serverCodes = new Set(['57P01', '57P02', '57P03', '53300']);
const messages = [
  'Connection terminated',
  'connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end',
];

/**
 * The database could not be reached or written at all (not a conflict between writers, not bad input): the request
 * answers 503 and the API carries on, reconnecting when the database is back.
 */
export function isUnavailable(e: unknown): boolean {
  for (let cause = e, depth = 0; cause && depth < 6; depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (socketCodes.has(code) || serverCodes.has(code) || /^08/.test(code)) return true;
      if (/^SQLITE_(READONLY|CANTOPEN|IOERR|FULL|PERM|NOTADB)/.test(code)) return true;
    }
    if (typeof message === 'string' && messages.some((m) => message.includes(m))) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
