import { cityBasics } from './basics';
import { paragraph, type DocumentContent } from '../content';
import { chineseDate } from './format';
import { summarySections } from './sections';
import { coverageChart, scoreChart } from './scope-charts';
import type { Snapshot } from '../snapshot';
import { countTable, countyKeyTable } from './tables';
import { cityView } from './view';
import { noSettings, type DocumentSettings } from '../settings';
import { cityIssuer, contactNote, documentWords, printedBy, recipientText } from './titles';

/** 市级行动总结: every figure is the city's roll-up or its counties' status on `snapshot.asOf`; every fixed text the campaign's. */
export function citySummaryContent(
  snapshot: Snapshot,
  cityCode: string,
  settings: DocumentSettings = noSettings,
): DocumentContent {
  const view = cityView(snapshot, cityCode);
  const { campaign } = snapshot;
  const texts = campaign.documents.citySummary;
  const byRank = [...view.counties].sort((a, b) => a.rankInCity - b.rankInCity);
  const names = byRank.map((c) => c.name);
  const issuer = cityIssuer(campaign, view.name);
  const words = documentWords(snapshot, issuer, view.name);
  return {
    direction: 'up',
    mark: words(texts.mark),
    settings,
    title: texts.title.map(words),
    recipient: recipientText(words(texts.recipient)),
    body: [
      paragraph(words(texts.opening)),
      ...summarySections(view, cityBasics(view)),
      paragraph(words(texts.closing)),
    ],
    issuer,
    date: chineseDate(snapshot.asOf),
    note: contactNote(campaign, settings),
    printedBy: printedBy(campaign, issuer),
    enclosures: [words(texts.annexes.spreadsheet)],
    attachments: [
      { label: '附件1', title: words(texts.annexes.keyTable), blocks: [countyKeyTable(view)] },
      {
        label: '附件2',
        title: words(texts.annexes.countTable),
        blocks: [
          countTable(
            campaign,
            '县（市、区）',
            byRank.map((c) => ({ name: c.name, figures: c.indicators })),
            { name: '合计', figures: view.figures },
          ),
        ],
      },
      {
        label: '附件3',
        title: words(texts.annexes.charts),
        blocks: [
          {
            kind: 'chart',
            chart: scoreChart(
              words(texts.annexes.scoreChart),
              names,
              byRank.map((c) => c.score),
              campaign.thresholds.lowScore,
            ),
          },
          {
            kind: 'chart',
            chart: coverageChart(
              words(texts.annexes.coverageChart),
              names,
              byRank.map((c) => c.indicators),
              campaign,
            ),
          },
        ],
      },
    ],
  };
}
