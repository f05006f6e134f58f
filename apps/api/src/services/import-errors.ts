/** One problem found in an import; imports collect all of them before refusing the whole file. */
export interface ImportIssue {
  row: number | null;
  column: string;
  message: string;
}

export class ImportRejected extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(`导入失败：共 ${issues.length} 处错误，未写入任何数据`);
  }
}

export function formatIssue(i: ImportIssue): string {
  return `${i.row == null ? '' : `第 ${i.row} 行 `}${i.column}：${i.message}`;
}
