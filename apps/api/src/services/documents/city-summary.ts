import type { DbOrTx } from '../../db/client';
import { cityBasics } from './basics';
import { paragraph, type DocumentContent } from './content';
import { chineseDate } from './format';
import { renderDocx } from './render-docx';
import { summarySections } from './sections';
import { coverageChart, scoreChart } from './scope-charts';
import { snapshotAt, type Snapshot } from './snapshot';
import { countTable, countyKeyTable } from './tables';
import { cityView } from './view';
import { noSettings, type DocumentSettings } from './settings';
import { reportTitle } from './titles';

/** 市级行动总结: every figure is the city's roll-up or its counties' status on `snapshot.asOf`. */
export function citySummaryContent(snapshot: Snapshot, cityCode: string, settings: DocumentSettings = noSettings): DocumentContent {
  const view = cityView(snapshot, cityCode);
  const { campaign } = snapshot;
  const byRank = [...view.counties].sort((a, b) => a.rankInCity - b.rankInCity);
  const names = byRank.map((c) => c.name);
  const issuer = `${view.name}民政局`;
  return {
    direction: 'up',
    mark: `${issuer}文件`,
    settings,
    title: reportTitle(issuer, campaign.name, snapshot.status.province.name, '开展情况的报告'),
    recipient: '省民政厅：',
    body: [
      paragraph(`按照《${campaign.name}方案》要求，现将${view.name}行动开展情况报告如下。`),
      ...summarySections(view, cityBasics(view)),
      paragraph('特此报告。'),
    ],
    issuer,
    date: chineseDate(snapshot.asOf),
    enclosures: [`${view.name}各县（市、区）月度指标和村级台账明细表（电子表格）`],
    attachments: [
      { label: '附件1', title: `${view.name}各县（市、区）主要指标情况表`, blocks: [countyKeyTable(view)] },
      {
        label: '附件2',
        title: `${view.name}各县（市、区）主要数量指标汇总表`,
        blocks: [countTable(campaign, '县（市、区）', byRank.map((c) => ({ name: c.name, figures: c.indicators })), { name: '合计', figures: view.figures })],
      },
      {
        label: '附件3',
        title: `${view.name}各县（市、区）综合得分和村级服务覆盖情况图`,
        blocks: [
          { kind: 'chart', chart: scoreChart('图1　各县（市、区）综合得分', names, byRank.map((c) => c.score), campaign.thresholds.lowScore) },
          { kind: 'chart', chart: coverageChart('图2　各县（市、区）村级服务覆盖情况', names, byRank.map((c) => c.indicators), campaign) },
        ],
      },
    ],
  };
}

export async function citySummaryDocx(db: DbOrTx, cityCode: string, asOf: string, settings: DocumentSettings = noSettings): Promise<Buffer> {
  return renderDocx(citySummaryContent(snapshotAt(db, asOf), cityCode, settings));
}
