import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { docxToPdf, pdfAvailable } from '@dudao/documents/pdf';
import { anyUnitCode, campaignDate, closeItemInput, periodSchema } from '@dudao/schema/inputs';
import { auditCsv, auditXlsx } from '../services/audit/export';
import { importCases } from '../services/cases/import-cases';
import { casesTemplate } from '../services/cases/template';
import { resolveAsOf } from '../services/clock/clock';
import { attachmentById, storeAttachment } from '../services/dispatch/files';
import { documentById } from '../services/documents/stored';
import { DomainError } from '../services/errors';
import { inputProblems } from '../services/field-words';
import { readTable } from '../services/files/table-reader';
import { formatIssue } from '../services/import-errors';
import { valueLines, valuesCsv, valuesXlsx } from '../services/reports/export-values';
import { importRoster } from '../services/roster/import-roster';
import { rosterTemplate } from '../services/roster/template';
import { evidenceFile } from '../services/supervision/evidence';
import { closeItem } from '../services/supervision/visits';
import type { AppDeps } from '../trpc/context';
import type { FileRouteName } from '../trpc/permissions';
import { permit, type Permitted } from '../trpc/permit';
import { httpStatus, refusalOf } from '../trpc/refusals';
import { docxType, download, MAX_UPLOAD_BYTES, pathId, queryCounty, uploadedFile, xlsxType } from './file-io';
import { httpCaller } from './http-caller';

/** The gate of the route's own rule, over what the request names (query and path, never the upload's body). */
type Gate = (input: Record<string, unknown>) => Promise<Permitted>;

interface FileRoute {
  /** The route's row in the permissions table: the only rule its gate can ask. */
  name: FileRouteName;
  method: 'GET' | 'POST';
  path: string;
  /** Bodies up to 10 MB, read only once the gate has let the caller through. */
  upload?: true;
  answer: (c: Context, gate: Gate, deps: AppDeps) => Promise<Response>;
}

const auditQuery = z.object({
  unit: anyUnitCode,
  period: periodSchema.optional(),
  field: z.string().max(64).optional(),
  asOf: campaignDate.optional(),
});

const importers = { roster: importRoster, cases: importCases } as const;
// The roster template is prefilled from the campaign's current roster; the case-log template is blank.
const templates = { roster: rosterTemplate, cases: casesTemplate } as const;

const imports = (['roster', 'cases'] as const).flatMap((kind): FileRoute[] => [
  {
    name: `files.${kind}.upload`,
    method: 'POST',
    path: `/${kind}`,
    upload: true,
    answer: async (c, gate) => {
      const county = queryCounty(c);
      const { service } = await gate({ county });
      const file = await uploadedFile(c);
      const table = await readTable(file.content, file.name);
      return c.json(await importers[kind](service, county, table, undefined, file.name));
    },
  },
  {
    name: `files.${kind}.template`,
    method: 'GET',
    path: `/${kind}-template`,
    answer: async (c, gate) => {
      const county = queryCounty(c);
      const { service } = await gate({ county });
      const { fileName, content } = await templates[kind](service, county);
      return download(c, fileName, xlsxType, content);
    },
  },
]);

const exports = (['csv', 'xlsx'] as const).flatMap((format): FileRoute[] => [
  {
    name: 'files.values.export',
    method: 'GET',
    path: `/values.${format}`,
    answer: async (c, gate) => {
      const given = c.req.query('unit');
      if (given !== undefined && !anyUnitCode.safeParse(given).success)
        throw new DomainError('bad_request', '单位代码：应为2、4、6、9或12位行政区划代码');
      const { user, service } = await gate({ unit: given });
      const unit = given ?? user.scopeCode;
      const lines = await valueLines(service, unit);
      return format === 'csv'
        ? download(c, `指标数据_${unit}.csv`, 'text/csv; charset=utf-8', `\ufeff${valuesCsv(lines)}`)
        : download(c, `指标数据_${unit}.xlsx`, xlsxType, await valuesXlsx(lines));
    },
  },
  {
    name: 'files.audit.export',
    method: 'GET',
    path: `/audit.${format}`,
    answer: async (c, gate, deps) => {
      const given = c.req.query('unit');
      const query = auditQuery.safeParse({
        unit: given ?? '34',
        period: c.req.query('period'),
        field: c.req.query('indicator'),
        asOf: c.req.query('asOf'),
      });
      if (!query.success) throw new DomainError('bad_request', inputProblems(query.error.issues));
      const { user } = await gate({ unit: given });
      const filter = { ...query.data, unit: given ?? user.scopeCode, asOf: await resolveAsOf(deps, query.data.asOf) };
      const name = `审计记录_${filter.unit}`;
      return format === 'csv'
        ? download(c, `${name}.csv`, 'text/csv; charset=utf-8', await auditCsv(deps, filter))
        : download(c, `${name}.xlsx`, xlsxType, await auditXlsx(deps, filter));
    },
  },
]);

const documents: FileRoute[] = [
  {
    name: 'files.document.download',
    method: 'GET',
    path: '/documents/:id',
    answer: async (c, gate) => {
      const id = pathId(c, 'id', '报告编号无效');
      const doc = await documentById((await gate({ id })).service, id);
      return download(c, doc.fileName, doc.fileName.endsWith('.xlsx') ? xlsxType : docxType, doc.content);
    },
  },
  // Printing offices and those that send PDFs get the same document as LibreOffice sets it, where it is installed.
  {
    name: 'files.document.download',
    method: 'GET',
    path: '/documents/:id/pdf',
    answer: async (c, gate) => {
      const id = pathId(c, 'id', '报告编号无效');
      const doc = await documentById((await gate({ id })).service, id);
      if (!doc.fileName.endsWith('.docx')) throw new DomainError('bad_request', '只有公文（.docx）可以另存为 PDF');
      if (!pdfAvailable())
        throw new DomainError('not_found', '本机未安装 LibreOffice，暂不能生成 PDF，请下载 Word 文件');
      return download(c, doc.fileName.replace(/\.docx$/, '.pdf'), 'application/pdf', docxToPdf(doc.content));
    },
  },
];

const dispatchFiles: FileRoute[] = [
  {
    name: 'files.dispatch.attach',
    method: 'POST',
    path: '/dispatch/:id/attachments',
    upload: true,
    answer: async (c, gate) => {
      const id = pathId(c, 'id', '督办单编号无效');
      const county = queryCounty(c);
      const { service } = await gate({ id, county });
      return c.json(await storeAttachment(service, id, county, await uploadedFile(c)));
    },
  },
  {
    name: 'files.dispatch.download',
    method: 'GET',
    path: '/dispatch-files/:fileId',
    answer: async (c, gate) => {
      const id = pathId(c, 'fileId', '附件编号无效');
      const { file } = await attachmentById((await gate({ id })).service, id);
      return download(c, file.name, file.mime, file.content);
    },
  },
];

const evidence: FileRoute[] = [
  // 销号 with its evidence in one request: the text and the files are stored together or not at all.
  {
    name: 'files.evidence.close',
    method: 'POST',
    path: '/items/:id/close',
    upload: true,
    answer: async (c, gate) => {
      const itemId = pathId(c, 'id', '整改事项编号无效');
      const { service } = await gate({ itemId });
      const body = await c.req.parseBody({ all: true });
      // The same input as supervision.closeItem's, so the evidence text is held to the same rule in the same words.
      const input = closeItemInput.safeParse({
        itemId,
        evidence: typeof body.evidence === 'string' ? body.evidence : '',
      });
      if (!input.success) throw new DomainError('bad_request', inputProblems(input.error.issues));
      const uploads = ([] as unknown[])
        .concat(body.file ?? [])
        .filter((f): f is File => f instanceof File && f.size > 0);
      const files = await Promise.all(
        uploads.map(async (f) => ({ name: f.name, content: Buffer.from(await f.arrayBuffer()) })),
      );
      return c.json(await closeItem(service, { ...input.data, files }));
    },
  },
  {
    name: 'files.evidence.download',
    method: 'GET',
    path: '/evidence/:id',
    answer: async (c, gate) => {
      const id = pathId(c, 'id', '佐证文件编号无效');
      const file = await evidenceFile((await gate({ id })).service, id);
      return download(c, file.fileName, file.mediaType, file.content);
    },
  },
];

/** Every file route, each under its row of the permissions table; the authorization test walks this list. */
export const fileRouteList: readonly FileRoute[] = [
  ...imports,
  ...exports,
  ...documents,
  ...dispatchFiles,
  ...evidence,
];

export function fileRoutes(deps: AppDeps) {
  const app = new Hono();
  const limit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: (c) => c.json({ error: '文件超过 10 MB，请拆分后上传' }, 413),
  });
  for (const route of fileRouteList) {
    const answer = async (c: Context) =>
      route.answer(c, async (input) => permit(deps, route.name, await httpCaller(c, deps), input), deps);
    if (route.upload) app.on(route.method, route.path, limit, answer);
    else app.on(route.method, route.path, answer);
  }
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
