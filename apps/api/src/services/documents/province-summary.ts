import type { DbOrTx } from '../../db/client';
import { provinceBasics } from './basics';
import { paragraph, type DocumentContent } from './content';
import { chineseDate } from './format';
import { renderDocx } from './render-docx';
import { summarySections } from './sections';
import { coverageChart, scoreChart } from './scope-charts';
import { snapshotAt, type Snapshot } from './snapshot';
import { cityKeyTable, countTable } from './tables';
import { provinceView } from './view';
import { noSettings, provinceRecipient, type DocumentSettings } from './settings';
import { reportTitle } from './titles';

/** 全省行动总结: the city summary's shape over all cities, each city read from its own roll-up. */
export function provinceSummaryContent(snapshot: Snapshot, settings: DocumentSettings = noSettings): DocumentContent {
  const view = provinceView(snapshot);
  const { campaign, status } = snapshot;
  const cities = [...status.cities].sort((a, b) => a.rank - b.rank);
  const names = cities.map((c) => c.name);
  const issuer = `${view.name}民政厅`;
  return {
    direction: 'up',
    mark: `${issuer}文件`,
    settings,
    title: reportTitle(issuer, campaign.name, view.name, '开展情况的报告'),
    recipient: provinceRecipient(settings),
    body: [
      paragraph(`按照《${campaign.name}方案》部署，全省各级民政部门扎实推进十一项重点任务。现将行动开展情况报告如下。`),
      ...summarySections(view, provinceBasics(view)),
      paragraph('特此报告。'),
    ],
    issuer,
    date: chineseDate(snapshot.asOf),
    enclosures: ['各县（市、区）月度指标和村级台账明细表（电子表格）'],
    attachments: [
      { label: '附件1', title: '各市主要指标情况表', blocks: [cityKeyTable(snapshot)] },
      {
        label: '附件2',
        title: '各市主要数量指标汇总表',
        blocks: [countTable(campaign, '市', cities.map((c) => ({ name: c.name, figures: c.figures })), { name: '全省合计', figures: view.figures })],
      },
      {
        label: '附件3',
        title: '各市综合得分和村级服务覆盖情况图',
        blocks: [
          { kind: 'chart', chart: scoreChart('图1　各市综合得分', names, cities.map((c) => c.score), campaign.thresholds.lowScore) },
          { kind: 'chart', chart: coverageChart('图2　各市村级服务覆盖情况', names, cities.map((c) => c.figures), campaign) },
        ],
      },
    ],
  };
}

export async function provinceSummaryDocx(db: DbOrTx, asOf: string, settings: DocumentSettings = noSettings): Promise<Buffer> {
  return renderDocx(provinceSummaryContent(snapshotAt(db, asOf), settings));
}
