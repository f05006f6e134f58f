import ExcelJS from 'exceljs';
import { caseColumnHeaders, caseColumns } from '@dudao/schema/inputs';
import type { Ctx } from '../context';
import { getUnit, townshipsOf } from '../org/units';

/** The case-log template: the Chinese headers to fill in, and the county's township codes and the rules on a second sheet. */
export async function casesTemplate(ctx: Ctx, countyCode: string): Promise<{ fileName: string; content: Buffer }> {
  const county = await getUnit(ctx, countyCode);
  const townships = await townshipsOf(ctx, [countyCode]);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('办件台账');
  sheet.columns = caseColumns.map((c) => ({
    header: caseColumnHeaders[c],
    key: c,
    width: c === 'township_code' ? 20 : 16,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = book.addWorksheet('填写说明');
  help.columns = [{ width: 22 }, { width: 60 }];
  help.addRows([
    ['列', '填写要求'],
    [caseColumnHeaders.case_id, '本县办件的唯一编号，不得重复；不含姓名、身份证号等个人信息'],
    [caseColumnHeaders.kind, '“低保”或“特困”'],
    [caseColumnHeaders.township_code, '受理乡镇（街道）的9位代码，见下方本县乡镇（街道）列表'],
    [caseColumnHeaders.applied_on, '日期，格式 YYYY-MM-DD（年-月-日，月、日各两位）'],
    [caseColumnHeaders.decided_on, '日期，格式同上；尚未办结的留空'],
    [],
    ['乡镇（街道）代码', '乡镇（街道）名称'],
    ...townships.map((t) => [t.code, t.name]),
  ]);
  help.getRow(1).font = { bold: true };
  help.getRow(8).font = { bold: true };
  return {
    fileName: `${county?.name ?? countyCode}办件台账模板.xlsx`,
    content: Buffer.from(await book.xlsx.writeBuffer()),
  };
}
