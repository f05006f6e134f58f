import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { isUnavailable, unavailableMessage } from '../db/unavailable';
import { DomainError } from '../services/errors';
import { inputProblems } from '../services/field-words';
import type { Context } from './context';
import type { ProcedureName } from './permissions';
import { permit } from './permit';
import { refusalOf, trpcCode } from './refusals';

/** tRPC's own refusals (before any procedure runs) in the words of ours; every other message is already Chinese. */
function adapterWords(message: string, code: string, cause: unknown): string {
  if (message === 'Batch call exceeds maximum size') return '一次批量请求的调用过多';
  if (message.startsWith('Unsupported GET-request to mutation')) return '修改数据的操作须以 POST 请求调用';
  if (message.startsWith('Unsupported POST-request to query')) return '查询须以 GET 请求调用';
  if (message.startsWith('No procedure found on path')) return '接口不存在';
  if (message.startsWith('"input" needs to be an object when doing a batch call')) return '批量调用的参数须为对象';
  if (message.startsWith('Unsupported content-type') || message === 'Missing content-type header')
    return '请求内容须为 JSON（Content-Type: application/json）';
  if (code === 'PARSE_ERROR' || cause instanceof SyntaxError) return '请求参数不是有效的 JSON';
  return message;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    // A refused field is named as its form names it (新密码：…), never by its code.
    const invalid = error.cause instanceof ZodError ? inputProblems(error.cause.issues) : null;
    return {
      ...shape,
      message: internal
        ? `服务器内部错误，请联系管理员（请求编号 ${ctx?.requestId ?? '-'}）`
        : (invalid ?? adapterWords(shape.message, shape.data.code, error.cause)),
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId,
        issues: error.cause instanceof DomainError ? error.cause.issues : undefined,
      },
    };
  },
});

export const router = t.router;

const domainErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (result.error.code === 'SERVICE_UNAVAILABLE') return result;
    if (isUnavailable(cause)) {
      ctx.logger.error({ err: cause, path, requestId: ctx.requestId }, 'database unavailable');
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: unavailableMessage(ctx.requestId) });
    }
    const refusal = refusalOf(cause);
    if (refusal) throw new TRPCError({ code: trpcCode[refusal.kind], message: refusal.message, cause: refusal });
    if (result.error.code === 'INTERNAL_SERVER_ERROR')
      ctx.logger.error({ err: cause ?? result.error, path, requestId: ctx.requestId }, 'procedure failed');
  }
  return result;
});

/** The only way to build a procedure: the gate every adapter shares decides by the procedure's row in the table. */
export function guarded(name: ProcedureName) {
  return t.procedure.use(domainErrors).use(async ({ ctx, next, getRawInput }) => {
    const { user, campaign, service } = await permit(ctx, name, ctx, await getRawInput());
    return next({ ctx: { user, campaign, service } });
  });
}
