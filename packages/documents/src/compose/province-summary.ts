import { provinceBasics } from './basics';
import { paragraph, type DocumentContent } from '../content';
import { chineseDate } from './format';
import { summarySections } from './sections';
import { coverageChart, scoreChart } from './scope-charts';
import type { Snapshot } from '../snapshot';
import { cityKeyTable, countTable } from './tables';
import { provinceView } from './view';
import { noSettings, type DocumentSettings } from '../settings';
import { contactNote, documentWords, printedBy, provinceIssuer, recipientText } from './titles';

/** 全省行动总结: the city summary's shape over all cities, each city read from its own roll-up. */
export function provinceSummaryContent(snapshot: Snapshot, settings: DocumentSettings = noSettings): DocumentContent {
  const view = provinceView(snapshot);
  const { campaign, status } = snapshot;
  const texts = campaign.documents.provinceSummary;
  const cities = [...status.cities].sort((a, b) => a.rank - b.rank);
  const names = cities.map((c) => c.name);
  const issuer = provinceIssuer(campaign);
  const words = documentWords(snapshot, issuer, view.name);
  return {
    direction: 'up',
    mark: words(texts.mark),
    settings,
    title: texts.title.map(words),
    // The province's 主送机关 is a setting; the definition names the usual one.
    recipient: recipientText(settings.recipient ?? words(texts.recipient)),
    body: [
      paragraph(words(texts.opening)),
      ...summarySections(view, provinceBasics(view)),
      paragraph(words(texts.closing)),
    ],
    issuer,
    date: chineseDate(snapshot.asOf),
    note: contactNote(campaign, settings),
    printedBy: printedBy(campaign, issuer),
    enclosures: [words(texts.annexes.spreadsheet)],
    attachments: [
      { label: '附件1', title: words(texts.annexes.keyTable), blocks: [cityKeyTable(snapshot)] },
      {
        label: '附件2',
        title: words(texts.annexes.countTable),
        blocks: [
          countTable(
            campaign,
            '市',
            cities.map((c) => ({ name: c.name, figures: c.figures })),
            { name: '全省合计', figures: view.figures },
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
              cities.map((c) => c.score),
              campaign.thresholds.lowScore,
            ),
          },
          {
            kind: 'chart',
            chart: coverageChart(
              words(texts.annexes.coverageChart),
              names,
              cities.map((c) => c.figures),
              campaign,
            ),
          },
        ],
      },
    ],
  };
}
