import { laggingWordOf } from './prose';
import {
  cityGateDefs,
  countyGateDefs,
  type CountyStatus,
  type GateStatus,
  type IndicatorResult,
  type RollupFigure,
} from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';
import type { Block, Cell, Column } from '../content';
import { gateWords, monthDay, tableAmount, tableCount, tablePercent, tableScore } from './format';
import type { Snapshot } from '../snapshot';
import type { ScopeView } from './view';
import { rankCell } from './rank-text';
import { headerLines, rosterCoverageColumns } from './roster-columns';

type Figure =
  | Pick<RollupFigure, 'value' | 'numerator' | 'denominator'>
  | Pick<IndicatorResult, 'value' | 'numerator' | 'denominator'>;

interface CountColumn {
  header: string[];
  code: string;
  part: 'value' | 'numerator' | 'denominator';
  amount?: boolean;
}

/**
 * Whole numbers that add up: a county's cell and the total row read the same part of the same indicator, the total
 * from the roll-up, so the table shows its own reconciliation.
 */
export function countColumns(campaign: CampaignDef): CountColumn[] {
  // The roster counts follow the campaign's coverages (the first two: the table holds nine columns).
  const roster = rosterCoverageColumns(campaign, false)
    .slice(0, 4)
    .map((c) => ({ header: c.header, code: c.code, part: c.part }));
  const reported = campaign.documents.tables.counts.map((c) => ({
    header: c.header,
    code: c.indicator,
    part: c.part,
    amount: c.amount,
  }));
  return [...roster, ...reported];
}

export function countCell(column: CountColumn, figure: Figure | undefined): string {
  const n = figure?.[column.part];
  return column.amount ? tableAmount(n) : tableCount(n);
}

export function countTable(
  campaign: CampaignDef,
  nameHeader: string,
  rows: { name: string; figures: Record<string, Figure> }[],
  total: { name: string; figures: Record<string, Figure> },
): Block {
  const columns0 = countColumns(campaign).filter((c) => campaign.indicators.some((d) => d.code === c.code));
  // 小五: 9 columns of up to 6 characters need 45 of its characters, the 版心 holds 48.
  const name = Math.max(3, ...rows.map((r) => Math.min(6, r.name.length)), nameHeader.length);
  const columns: Column[] = [
    { header: nameHeader, width: name },
    ...columns0.map((c) => ({
      header: c.header,
      width: Math.max(...c.header.map((l) => l.length), c.amount ? 6.5 : 4),
      align: 'right' as const,
    })),
  ];
  const line = (r: { name: string; figures: Record<string, Figure> }): Cell[] => [
    r.name,
    ...columns0.map((c) => countCell(c, r.figures[c.code])),
  ];
  return {
    kind: 'table',
    columns,
    rows: [...rows.map(line), line(total)],
    note: '注：合计行为各单位数据汇总；“—”表示未报送或不适用。',
    small: true,
  };
}

/** The share columns: the campaign's roster coverages by short name, and the reported 兜底 share where defined. */
function coverageColumns(campaign: CampaignDef): { code: string; header: string[] }[] {
  const roster = campaign.indicators
    .filter((d) => d.derived?.kind === 'coverage')
    .map((d) => ({ code: d.code, header: headerLines(d.shortName ?? d.name) }));
  const reported = campaign.documents.tables.shares.map((c) => ({ code: c.indicator, header: c.header }));
  return [...roster, ...reported];
}

const gateShort: Record<GateStatus, string> = {
  met: '按期',
  late: '逾期完成',
  overdue: '逾期未完成',
  pending: '未到期',
  'n/a': '—',
};
function gateLines(county: CountyStatus, campaign: CampaignDef): string[] {
  return countyGateDefs(campaign).map((g) => `${g.shortName ?? g.name}：${gateShort[county.gates[g.code] ?? 'n/a']}`);
}

function gateNote(campaign: CampaignDef): string {
  const parts = countyGateDefs(campaign).map(
    (g) => `“${g.shortName ?? g.name}”指${g.name}（${monthDay(g.deadline)}前）`,
  );
  // Short enough that the note stays on the table's page: a one-word last line alone on a page reads as a mistake.
  return `注：关口栏中${parts.join('，')}；“—”表示不适用；数据截至报告日期。`;
}

/** 附件1 of a city summary: every county's score, rank, coverages, lagging flag and gates, best first. */
export function countyKeyTable(view: ScopeView): Block {
  const city = view.snapshot.status.cities.find((c) => c.code === view.code);
  const { campaign } = view.snapshot;
  const shares = coverageColumns(campaign);
  const columns: Column[] = [
    { header: '县（市、区）', width: 5.5 },
    { header: [campaign.documents.assessment.name, '得分（分）'], width: 4, align: 'right' },
    { header: ['市内', '排名'], width: 3 },
    ...shares.map(({ header }) => ({
      header,
      width: Math.max(3.5, ...header.map((l) => l.length)),
      align: 'right' as const,
    })),
    { header: [laggingWordOf(campaign).slice(0, 2), laggingWordOf(campaign).slice(2)], width: 2 },
    { header: '关口', width: 9, align: 'left' as const },
  ];
  const rows: Cell[][] = [...view.counties]
    .sort((a, b) => a.rankInCity - b.rankInCity)
    .map((c) => [
      c.name,
      tableScore(c.score),
      rankCell(c.cityRank),
      ...shares.map(({ code }) => tablePercent(c.indicators[code]?.value)),
      c.lagging ? '是' : '否',
      gateLines(c, campaign),
    ]);
  rows.push([
    `全市`,
    tableScore(city?.score),
    // A city's own summary does not state its provincial rank (the province's 通报 ranks cities).
    '—',
    ...shares.map(({ code }) => tablePercent(view.figures[code]?.value)),
    `${city?.laggingCount ?? 0}个`,
    '—',
  ]);
  return { kind: 'table', columns, rows, note: gateNote(view.snapshot.campaign) };
}

/** 附件1 of the provincial summary: every city's score, rank, lagging count, coverages and its summary gate. */
export function cityKeyTable(snapshot: Snapshot): Block {
  const shares = coverageColumns(snapshot.campaign);
  const summary = cityGateDefs(snapshot.campaign).find((g) => g.kind === 'summary_submitted');
  const columns: Column[] = [
    { header: '市', width: 4 },
    { header: [snapshot.campaign.documents.assessment.name, '得分（分）'], width: 4, align: 'right' },
    { header: ['全省', '排名'], width: 3 },
    { header: [laggingWordOf(snapshot.campaign), '县区数', '（个）'], width: 4, align: 'right' },
    ...shares.map(({ header }) => ({
      header,
      width: Math.max(3.5, ...header.map((l) => l.length)),
      align: 'right' as const,
    })),
    { header: ['市级总结', '报送'], width: 5 },
  ];
  const rows: Cell[][] = [...snapshot.status.cities]
    .sort((a, b) => a.rank - b.rank)
    .map((c) => [
      c.name,
      tableScore(c.score),
      rankCell(c.provinceRank),
      String(c.laggingCount),
      ...shares.map(({ code }) => tablePercent(c.figures[code]?.value)),
      summary ? gateWords[c.gates[summary.code] ?? 'n/a'] : '—',
    ]);
  const { province } = snapshot.status;
  rows.push([
    '全省',
    tableScore(province.score),
    '—',
    String(province.laggingCount),
    ...shares.map(({ code }) => tablePercent(province.figures[code]?.value)),
    '—',
  ]);
  return {
    kind: 'table',
    columns,
    rows,
    note: `注：市的${snapshot.campaign.documents.assessment.name}得分为所辖县（市、区）得分的平均值；各项比率为所辖县（市、区）分子、分母分别汇总后计算。`,
  };
}
