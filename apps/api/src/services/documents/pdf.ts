import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
