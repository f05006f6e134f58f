import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { anyUnitCode, campaignDate, countyCode, isRecordId, periodSchema } from '@dudao/schema/inputs';
import type { CampaignDef } from '@dudao/schema/campaign';
import { resolveCampaign } from '../services/campaign/registry';
import { sessionUser, type SessionUser } from '../services/auth/sessions';
import { auditCsv, auditXlsx } from '../services/audit/export';
import { importCases } from '../services/cases/import-cases';
import { resolveAsOf } from '../services/clock/clock';
import { serviceContext, type Ctx, type ServiceContext } from '../services/context';
import { casesTemplate } from '../services/cases/template';
import {
  DomainError,
  outOfScope,
  unseenAttachment,
  unseenDocument,
  unseenEvidence,
  unseenItem,
} from '../services/errors';
import { readTable } from '../services/files/table-reader';
import { formatIssue } from '../services/import-errors';
import { valueLines, valuesCsv, valuesXlsx } from '../services/reports/export-values';
import { importRoster } from '../services/roster/import-roster';
import { rosterTemplate } from '../services/roster/template';
import { attachmentById, storeAttachment } from '../services/dispatch/files';
import { docxToPdf, pdfAvailable } from '../services/documents/pdf';
import { documentById } from '../services/summaries/store';
import { evidenceFile } from '../services/supervision/evidence';
import { closeItem, itemCounty } from '../services/supervision/visits';
import type { AppDeps } from '../trpc/context';
import { fileRules, isWithin, type FileRoute } from '../trpc/permissions';
import { httpStatus, refusalOf } from '../trpc/refusals';
import { sessionCookie } from './auth-routes';

const auditExportQuery = z.object({
  unit: anyUnitCode,
  period: periodSchema.optional(),
  field: z.string().max(64).optional(),
  asOf: campaignDate.optional(),
});

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The dashboard sends the chosen campaign in this header; a link may name it as `?campaign=` instead. */
export const campaignHeader = 'x-dudao-campaign';

/** The campaign a file request works in, checked against the caller's province before any record is looked up. */
async function requestCampaign(c: Context, deps: AppDeps): Promise<CampaignDef> {
  const user = await sessionUser(deps, getCookie(c, sessionCookie), new Date());
  if (!user) throw new DomainError('unauthorized', '请先登录');
  return resolveCampaign(deps, user.scopeCode, c.req.query('campaign') || c.req.header(campaignHeader) || undefined);
}

/** What the route's services are called with: the database, the request's campaign, and the signed-in user as actor. */
const service = (deps: AppDeps, campaign: CampaignDef, user: SessionUser): ServiceContext =>
  serviceContext(deps.db, campaign, user);

/** A context for a read that is checked (permit) only after its record is found, so no actor acts yet. */
const reader = (deps: AppDeps, campaign: CampaignDef): Ctx<'campaign'> => ({ db: deps.db, campaign });

async function permit(c: Context, deps: AppDeps, route: FileRoute, unit: string | undefined): Promise<SessionUser> {
  const user = await sessionUser(deps, getCookie(c, sessionCookie), new Date());
  if (!user) throw new DomainError('unauthorized', '请先登录');
  if (user.mustChangePassword) throw new DomainError('forbidden', '请先修改初始密码（账号页面）后再继续');
  const rule = fileRules[route];
  if (!rule.includes(user.role)) throw new DomainError('forbidden', '当前角色无权执行此操作');
  if (unit !== undefined && !isWithin(unit, user.scopeCode)) throw new DomainError('forbidden', outOfScope);
  return user;
}

/**
 * A record the path names by id: the caller and the route's roles are checked first, then the record is looked up,
 * and one whose unit lies outside the caller's scope answers `unseen`, exactly as an id that names no record does.
 */
async function permitRecord<T>(
  c: Context,
  deps: AppDeps,
  route: FileRoute,
  find: (ctx: Ctx<'campaign'>) => Promise<T>,
  unitOf: (row: T) => string,
  unseen: DomainError,
): Promise<{ user: SessionUser; campaign: CampaignDef; row: T }> {
  const user = await permit(c, deps, route, undefined);
  const campaign = await requestCampaign(c, deps);
  const row = await find(reader(deps, campaign));
  if (!isWithin(unitOf(row), user.scopeCode)) throw unseen;
  return { user, campaign, row };
}

async function uploadedFile(c: Context): Promise<{ name: string; content: Buffer }> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File)) throw new DomainError('bad_request', '请选择要上传的文件（表单字段 file）');
    return { name: file.name, content: Buffer.from(await file.arrayBuffer()) };
  }
  return { name: c.req.header('x-file-name') ?? 'upload', content: Buffer.from(await c.req.arrayBuffer()) };
}

const download = (c: Context, name: string, type: string, content: Buffer | string) =>
  c.body(typeof content === 'string' ? content : new Uint8Array(content), 200, {
    'content-type': type,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
  });

export function fileRoutes(deps: AppDeps) {
  const app = new Hono();
  const limit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: (c) => c.json({ error: '文件超过 10 MB，请拆分后上传' }, 413),
  });
  const importer = { roster: importRoster, cases: importCases } as const;

  for (const kind of ['roster', 'cases'] as const) {
    app.post(`/${kind}`, limit, async (c) => {
      const county = c.req.query('county');
      if (!countyCode.safeParse(county).success || !county)
        throw new DomainError('bad_request', '须指定县级单位代码 county');
      const user = await permit(c, deps, kind === 'roster' ? 'files.roster.upload' : 'files.cases.upload', county);
      const campaign = await requestCampaign(c, deps);
      const file = await uploadedFile(c);
      const table = await readTable(file.content, file.name);
      const result = await importer[kind](service(deps, campaign, user), county, table, undefined, file.name);
      return c.json(result);
    });
  }
  // The roster template is prefilled from the campaign's current roster; the case-log template is blank.
  const templates = {
    'roster-template': rosterTemplate,
    'cases-template': (ctx: Ctx<'campaign'>, county: string) => casesTemplate(ctx, county),
  } as const;
  for (const [path, template] of Object.entries(templates)) {
    app.get(`/${path}`, async (c) => {
      const county = c.req.query('county');
      if (!countyCode.safeParse(county).success || !county)
        throw new DomainError('bad_request', '须指定县级单位代码 county');
      const user = await permit(
        c,
        deps,
        path === 'roster-template' ? 'files.roster.template' : 'files.cases.template',
        county,
      );
      const { fileName, content } = await template(service(deps, await requestCampaign(c, deps), user), county);
      return download(c, fileName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content);
    });
  }
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/values.${format}`, async (c) => {
      const given = c.req.query('unit');
      if (given !== undefined && !anyUnitCode.safeParse(given).success)
        throw new DomainError('bad_request', '单位代码：应为2、4、6、9或12位行政区划代码');
      const user = await permit(c, deps, 'files.values.export', given);
      const unit = given ?? user.scopeCode;
      const lines = await valueLines(service(deps, await requestCampaign(c, deps), user), unit);
      return format === 'csv'
        ? download(c, `指标数据_${unit}.csv`, 'text/csv; charset=utf-8', `\ufeff${valuesCsv(lines)}`)
        : download(
            c,
            `指标数据_${unit}.xlsx`,
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            await valuesXlsx(lines),
          );
    });
  }
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/audit.${format}`, async (c) => {
      const given = c.req.query('unit');
      const query = auditExportQuery.safeParse({
        unit: given ?? '34',
        period: c.req.query('period'),
        field: c.req.query('indicator'),
        asOf: c.req.query('asOf'),
      });
      if (!query.success)
        throw new DomainError(
          'bad_request',
          query.error.issues.map((i) => `${String(i.path[0])}：${i.message}`).join('；'),
        );
      const user = await permit(c, deps, 'files.audit.export', given);
      if (given === undefined) query.data.unit = user.scopeCode;
      const name = `审计记录_${query.data.unit}`;
      const asOf = await resolveAsOf(deps, query.data.asOf);
      return format === 'csv'
        ? download(c, `${name}.csv`, 'text/csv; charset=utf-8', await auditCsv(deps, { ...query.data, asOf }))
        : download(
            c,
            `${name}.xlsx`,
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            await auditXlsx(deps, { ...query.data, asOf }),
          );
    });
  }
  app.get('/documents/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!isRecordId(id)) throw new DomainError('bad_request', '报告编号无效');
    const { row: doc } = await permitRecord(
      c,
      deps,
      'files.document.download',
      (ctx) => documentById(ctx, id),
      (d) => d.unitCode,
      unseenDocument(id),
    );
    const type = doc.fileName.endsWith('.xlsx')
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    return download(c, doc.fileName, type, doc.content);
  });
  app.post('/dispatch/:id/attachments', limit, async (c) => {
    const id = Number(c.req.param('id'));
    const county = c.req.query('county');
    if (!isRecordId(id)) throw new DomainError('bad_request', '督办单编号无效');
    if (!county || !/^\d{6}$/.test(county)) throw new DomainError('bad_request', '须指定县级单位代码 county');
    const user = await permit(c, deps, 'files.dispatch.attach', county);
    const file = await uploadedFile(c);
    const campaign = await requestCampaign(c, deps);
    return c.json(await storeAttachment(service(deps, campaign, user), id, county, file));
  });
  app.get('/dispatch-files/:fileId', async (c) => {
    const fileId = Number(c.req.param('fileId'));
    if (!isRecordId(fileId)) throw new DomainError('bad_request', '附件编号无效');
    const { row } = await permitRecord(
      c,
      deps,
      'files.dispatch.download',
      (ctx) => attachmentById(ctx, fileId),
      (a) => a.county,
      unseenAttachment(fileId),
    );
    const { file } = row;
    return download(c, file.name, file.mime, file.content);
  });
  // 销号 with its evidence in one request: the text and the files are stored together or not at all.
  app.post('/items/:id/close', limit, async (c) => {
    const itemId = Number(c.req.param('id'));
    if (!isRecordId(itemId)) throw new DomainError('bad_request', '整改事项编号无效');
    const { user, campaign } = await permitRecord(
      c,
      deps,
      'files.evidence.close',
      async (ctx) => {
        const county = await itemCounty(ctx, itemId);
        if (!county) throw unseenItem(itemId);
        return county;
      },
      (county) => county,
      unseenItem(itemId),
    );
    const body = await c.req.parseBody({ all: true });
    const evidence = typeof body.evidence === 'string' ? body.evidence.trim() : '';
    if (evidence.length < 2) throw new DomainError('bad_request', '整改佐证：销号须填写整改佐证（至少 2 个字）');
    const uploads = ([] as unknown[]).concat(body.file ?? []).filter((f): f is File => f instanceof File && f.size > 0);
    const files = await Promise.all(
      uploads.map(async (f) => ({ name: f.name, content: Buffer.from(await f.arrayBuffer()) })),
    );
    const closed = await closeItem(service(deps, campaign, user), { itemId, evidence, files });
    return c.json(closed);
  });
  app.get('/evidence/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!isRecordId(id)) throw new DomainError('bad_request', '佐证文件编号无效');
    const { row: file } = await permitRecord(
      c,
      deps,
      'files.evidence.download',
      (ctx) => evidenceFile(ctx, id),
      (f) => f.county,
      unseenEvidence(id),
    );
    return download(c, file.fileName, file.mediaType, file.content);
  });
  // Printing offices and those that send PDFs get the same document as LibreOffice sets it, where it is installed.
  app.get('/documents/:id/pdf', async (c) => {
    const id = Number(c.req.param('id'));
    if (!isRecordId(id)) throw new DomainError('bad_request', '报告编号无效');
    const { row: doc } = await permitRecord(
      c,
      deps,
      'files.document.download',
      (ctx) => documentById(ctx, id),
      (d) => d.unitCode,
      unseenDocument(id),
    );
    if (!doc.fileName.endsWith('.docx')) throw new DomainError('bad_request', '只有公文（.docx）可以另存为 PDF');
    if (!pdfAvailable()) throw new DomainError('not_found', '本机未安装 LibreOffice，暂不能生成 PDF，请下载 Word 文件');
    return download(c, doc.fileName.replace(/\.docx$/, '.pdf'), 'application/pdf', docxToPdf(doc.content));
  });
  // A refusal reads here as over tRPC: its status from the one table in refusals.ts, its words as the service gave them.
  app.onError((err, c) => {
    const refusal = refusalOf(err);
    if (!refusal) throw err;
    const { message: error, issues } = refusal;
    return c.json(
      { error, issues, ...(issues.length ? { lines: issues.map(formatIssue) } : {}) },
      httpStatus(refusal.kind),
    );
  });
  return app;
}
