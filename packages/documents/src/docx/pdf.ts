import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentContent } from '../content';
import { renderDocx } from './render';

/** LibreOffice's command, or null where it is not installed: documents are then offered as .docx only. */
export function officeCommand(): string | null {
  for (const name of [process.env.SOFFICE_PATH, 'soffice', 'libreoffice']) {
    if (name && spawnSync(name, ['--version'], { stdio: 'ignore', timeout: 30_000 }).status === 0) return name;
  }
  return null;
}

let found: string | null | undefined;
export function pdfAvailable(): boolean {
  if (found === undefined) found = officeCommand();
  return found !== null;
}

/** Converts with LibreOffice in a throwaway profile (HOME), so conversions never share or lock a user's profile. */
export function docxToPdf(docx: Buffer): Buffer {
  if (!pdfAvailable()) throw new Error('本机未安装 LibreOffice，无法生成 PDF');
  const dir = mkdtempSync(join(tmpdir(), 'dudao-pdf-'));
  try {
    writeFileSync(join(dir, 'document.docx'), docx);
    execFileSync(found!, ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'document.docx')], {
      env: { ...process.env, HOME: dir },
      stdio: 'ignore',
      timeout: 180_000,
    });
    return readFileSync(join(dir, 'document.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pages of a PDF as LibreOffice writes it: one `/Type /Page` object each. */
export const pdfPageCount = (pdf: Buffer): number =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/**
 * The document as LibreOffice prints it with the 版记 on an even page (GB/T 9704 7.4: the back of the last sheet):
 * LibreOffice 7 ignores the 版记 section's even-page start, so where its layout ends on an odd page the 版记 page is
 * preceded by a blank one. Word and WPS honour the even-page start of the plain rendering.
 */
export async function printReadyDocx(content: DocumentContent): Promise<{ docx: Buffer; pdf: Buffer }> {
  const docx = await renderDocx(content);
  const pdf = docxToPdf(docx);
  if (pdfPageCount(pdf) % 2 === 0) return { docx, pdf };
  const blank = await renderDocx(content, true);
  return { docx: blank, pdf: docxToPdf(blank) };
}
