import { LineCounter, parseDocument, isNode } from 'yaml';
import type { CampaignDef } from './types';
import { validateDefinition, type DefinitionIssue } from './definition';

export interface FileIssue extends DefinitionIssue {
  /** 1-based line in the file where the offending value (or its parent) stands; null when it cannot be placed. */
  line: number | null;
}

export type ReadDefinition = { ok: true; definition: CampaignDef } | { ok: false; issues: FileIssue[] };

/** Parses a definition file (YAML, of which JSON is a subset) and validates it, placing each error on its line. */
export function readDefinition(text: string): ReadDefinition {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        path: [],
        message: `文件格式错误：${e.message.split('\n')[0]}`,
        line: e.linePos?.[0]?.line ?? null,
      })),
    };
  }
  const checked = validateDefinition(doc.toJS());
  if (checked.ok) return checked;
  const placed = checked.issues.map((issue) => ({ ...issue, line: lineOf(doc, lines, issue.path) }));
  return { ok: false, issues: placed.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)) };
}

function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: (string | number)[]): number | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return null;
}

/** `indicators[3].target.deadline`: the path as an editor would search for it. */
export function pathText(path: (string | number)[]): string {
  return (
    path.reduce<string>((text, p) => (typeof p === 'number' ? `${text}[${p}]` : text ? `${text}.${p}` : p), '') ||
    '（整个文件）'
  );
}

export function issueText(issue: FileIssue): string {
  return `${issue.line === null ? '' : `第 ${issue.line} 行 `}${pathText(issue.path)}：${issue.message}`;
}
