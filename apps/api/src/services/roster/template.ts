import ExcelJS from 'exceljs';
import { rosterColumns } from '@dudao/schema/inputs';
import type { Ctx } from '../context';
import { getUnit, villagesOf } from '../org/units';
import { currentRoster } from './current';

/** The county's roster as an xlsx to fill in: every village of the tree, prefilled from the current roster. */
export async function rosterTemplate(
  ctx: Ctx<'campaign'>,
  countyCode: string,
): Promise<{ fileName: string; content: Buffer }> {
  const county = await getUnit(ctx, countyCode);
  const current = new Map(((await currentRoster(ctx, countyCode))?.rows ?? []).map((r) => [r.villageCode, r]));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('村级台账');
  sheet.columns = rosterColumns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === 'village_name' ? 28 : 18,
  }));
  for (const v of await villagesOf(ctx, countyCode)) {
    const r = current.get(v.code);
    sheet.addRow({
      village_code: v.code,
      village_name: v.name,
      long_term_recipients: r?.longTermRecipients ?? null,
      civil_affairs_member: r ? (r.civilAffairsMember ? '是' : '否') : null,
      coordinators: r?.coordinators ?? null,
      coordinators_full_time: r?.coordinatorsFullTime ?? null,
      coordinator_pay: r?.coordinatorPay ?? null,
      stations: r?.stations ?? null,
    });
  }
  sheet.getColumn('village_code').numFmt = '@';
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return {
    fileName: `${county?.name ?? countyCode}村级台账.xlsx`,
    content: Buffer.from(await book.xlsx.writeBuffer()),
  };
}
