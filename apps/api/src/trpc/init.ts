import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { isUnavailable, unavailableMessage } from '../db/unavailable';
import { resolveCampaign } from '../services/campaign/registry';
import { serviceContext, type ServiceContext } from '../services/context';
import { DomainError, outOfScope } from '../services/errors';
import { inputProblems } from '../services/field-words';
import type { Context } from './context';
import { isWithin, rules, type ProcedureName, type Rule, type Touched } from './permissions';
import { refusalOf, trpcCode } from './refusals';

/** tRPC's own refusals (before any procedure runs) in the words of ours; every other message is already Chinese. */
function adapterWords(message: string, code: string, cause: unknown): string {
  if (message === 'Batch call exceeds maximum size') return '一次批量请求的调用过多';
  if (message.startsWith('Unsupported GET-request to mutation')) return '修改数据的操作须以 POST 请求调用';
  if (message.startsWith('Unsupported POST-request to query')) return '查询须以 GET 请求调用';
  if (message.startsWith('No procedure found on path')) return '接口不存在';
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

const loggedIn = domainErrors.unstable_pipe(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** What a user whose password someone else set may still do: change it (and read the campaign and its clock for the page around the form). */
const passwordFree = new Set<ProcedureName>(['account.changePassword', 'campaign.get', 'campaign.list', 'clock.get']);

/** The only way to build a procedure: it takes its rule from the permissions table by name. */
export function guarded(name: ProcedureName) {
  const rule = rules[name];
  return t.procedure.use(loggedIn).use(async ({ ctx, next, getRawInput }) => {
    if (ctx.user.mustChangePassword && !passwordFree.has(name))
      throw new TRPCError({ code: 'FORBIDDEN', message: '请先修改初始密码（账号页面）后再继续' });
    if (!rule.roles.includes(ctx.user.role))
      throw new TRPCError({ code: 'FORBIDDEN', message: '当前角色无权执行此操作' });
    // The switcher must still list campaigns when a stale cookie names one that is gone or not the user's.
    const campaign =
      name === 'campaign.list'
        ? await resolveLeniently(ctx)
        : await resolveCampaign(ctx, ctx.user.scopeCode, ctx.requestedCampaign);
    // What every service of the procedure is called with: the database, the campaign in use, and the user as actor.
    const service: ServiceContext = serviceContext(ctx.db, campaign, ctx.user);
    const input = (await getRawInput()) as never;
    const units: Touched[] =
      input == null || typeof input !== 'object' ? [] : await (rule.units as Rule['units'])(input, service);
    for (const unit of units) {
      if (typeof unit === 'string' && !isWithin(unit, ctx.user.scopeCode)) {
        throw new TRPCError({ code: 'FORBIDDEN', message: outOfScope });
      }
      // A record outside the scope answers as one that does not exist, through the same path as the service's own.
      if (
        unit !== null &&
        typeof unit === 'object' &&
        unit.unit !== undefined &&
        !isWithin(unit.unit, ctx.user.scopeCode)
      )
        throw unit.unseen;
    }
    return next({ ctx: { campaign, service } });
  });
}

async function resolveLeniently(ctx: Context & { user: { scopeCode: string } }) {
  try {
    return await resolveCampaign(ctx, ctx.user.scopeCode, ctx.requestedCampaign);
  } catch {
    return await resolveCampaign(ctx, ctx.user.scopeCode, undefined);
  }
}
