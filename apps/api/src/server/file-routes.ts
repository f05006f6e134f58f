import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import type { Role } from '@dudao/schema/tables';
import { sessionUser, type SessionUser } from '../services/auth/sessions';
import { importCases } from '../services/cases/import-cases';
import { DomainError } from '../services/errors';
import { FileFormatError, readTable } from '../services/files/table-reader';
import { formatIssue, ImportRejected } from '../services/import-errors';
import { valueLines, valuesCsv, valuesXlsx } from '../services/reports/export-values';
import { importRoster } from '../services/roster/import-roster';
import { rosterTemplate } from '../services/roster/template';
import { docxToPdf, pdfAvailable } from '../services/documents/pdf';
import { documentById } from '../services/summaries/store';
import type { AppDeps } from '../trpc/context';
import { fileRules, isWithin, type FileRoute } from '../trpc/permissions';
import { sessionCookie } from './auth-routes';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

function permit(c: Context, deps: AppDeps, route: FileRoute, unit: string | undefined): SessionUser {
  const user = sessionUser(deps.db, getCookie(c, sessionCookie), new Date());
  if (!user) throw new DomainError('forbidden', '请先登录');
  const rule = fileRules[route];
  if (!(rule as readonly Role[]).includes(user.role)) throw new DomainError('forbidden', '当前角色无权执行此操作');
  if (unit !== undefined && !isWithin(unit, user.scopeCode)) throw new DomainError('forbidden', `无权访问管辖范围以外的单位（${unit}）`);
  return user;
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
  c.body(typeof content === 'string' ? content : new Uint8Array(content), 200, { 'content-type': type, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` });

export function fileRoutes(deps: AppDeps) {
  const app = new Hono();
  const limit = bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: (c) => c.json({ error: '文件超过 10 MB，请拆分后上传' }, 413) });
  const importer = { roster: importRoster, cases: importCases } as const;

  for (const kind of ['roster', 'cases'] as const) {
    app.post(`/${kind}`, limit, async (c) => {
      const county = c.req.query('county');
      if (!county || !/^\d{6}$/.test(county)) throw new DomainError('bad_request', '须指定县级单位代码 county');
      const user = permit(c, deps, kind === 'roster' ? 'files.roster.upload' : 'files.cases.upload', county);
      const file = await uploadedFile(c);
      const table = await readTable(file.content, file.name);
      const result = deps.db.transaction((tx) => importer[kind](tx, county, table, user, deps.now().toISOString(), file.name));
      return c.json(result);
    });
  }
  app.get('/roster-template', async (c) => {
    const county = c.req.query('county');
    if (!county || !/^\d{6}$/.test(county)) throw new DomainError('bad_request', '须指定县级单位代码 county');
    permit(c, deps, 'files.roster.template', county);
    const { fileName, content } = await rosterTemplate(deps.db, county);
    return download(c, fileName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content);
  });
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/values.${format}`, async (c) => {
      const user = permit(c, deps, 'files.values.export', c.req.query('unit'));
      const unit = c.req.query('unit') ?? user.scopeCode;
      const lines = valueLines(deps.db, deps.campaign, unit);
      return format === 'csv'
        ? download(c, `指标数据_${unit}.csv`, 'text/csv; charset=utf-8', `\ufeff${valuesCsv(lines)}`)
        : download(c, `指标数据_${unit}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await valuesXlsx(lines));
    });
  }
  app.get('/documents/:id', (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id) || id <= 0) throw new DomainError('bad_request', '报告编号无效');
    const doc = documentById(deps.db, id);
    permit(c, deps, 'files.document.download', doc.unitCode);
    const type = doc.fileName.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    return download(c, doc.fileName, type, doc.content);
  });
  // Printing offices and those that send PDFs get the same document as LibreOffice sets it, where it is installed.
  app.get('/documents/:id/pdf', (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id) || id <= 0) throw new DomainError('bad_request', '报告编号无效');
    const doc = documentById(deps.db, id);
    permit(c, deps, 'files.document.download', doc.unitCode);
    if (!doc.fileName.endsWith('.docx')) throw new DomainError('bad_request', '只有公文（.docx）可以另存为 PDF');
    if (!pdfAvailable()) throw new DomainError('not_found', '本机未安装 LibreOffice，暂不能生成 PDF，请下载 Word 文件');
    return download(c, doc.fileName.replace(/\.docx$/, '.pdf'), 'application/pdf', docxToPdf(doc.content));
  });
  app.onError((err, c) => {
    if (err instanceof ImportRejected) return c.json({ error: err.message, issues: err.issues, lines: err.issues.map(formatIssue) }, 400);
    if (err instanceof FileFormatError) return c.json({ error: err.message }, 400);
    if (err instanceof DomainError) return c.json({ error: err.message, issues: err.issues }, err.kind === 'forbidden' ? 403 : err.kind === 'not_found' ? 404 : 400);
    throw err;
  });
  return app;
}
