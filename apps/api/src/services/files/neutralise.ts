/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / CR before them) as a formula; a leading ' makes
 * it plain text. Imports take the mark off again (`unneutralised`), so an export reads back identical.
 */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
