import { heading, type Block } from './content';
import { planBlocks } from './plans';
import { problemBlocks } from './problems';
import { taskBlocks } from './tasks';
import type { ScopeView } from './view';

/** The four numbered parts every summary has, city or province; only 基本情况 differs between them. */
export function summarySections(view: ScopeView, basics: Block[]): Block[] {
  // Narratives quoted under a task are not quoted again under 下一步打算.
  const quoted = new Map<string, number>();
  // A practice written once for the counties sharing it is not written again anywhere in the document.
  const written = new Set<string>();
  return [
    heading(1, '一、基本情况'),
    ...basics,
    heading(1, '二、主要做法和成效'),
    ...taskBlocks(view, quoted, written),
    heading(1, '三、存在的问题'),
    ...problemBlocks(view),
    heading(1, '四、下一步打算'),
    ...planBlocks(view, quoted, written),
  ];
}
