import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { CampaignDef } from './types';
import { issueText, readDefinition } from './definition-file';

/** The definition files shipped with the repo; node-only, so pages get a campaign from the API instead. */
export const campaignsDir = fileURLToPath(new URL('../../../../campaigns/', import.meta.url));

/** Reads and validates one definition file; a broken file stops with every error and its line. */
export function readCampaignFile(path: string): CampaignDef {
  const read = readDefinition(readFileSync(path, 'utf8'));
  if (!read.ok) throw new Error(`活动定义文件 ${path} 有误：\n${read.issues.map(issueText).join('\n')}`);
  return read.definition;
}

export function builtinCampaignFiles(): string[] {
  return readdirSync(campaignsDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(campaignsDir, name));
}

export function builtinCampaigns(): CampaignDef[] {
  return builtinCampaignFiles().map(readCampaignFile);
}

export function builtinCampaign(code: string): CampaignDef {
  const found = builtinCampaigns().find((c) => c.code === code);
  if (!found) throw new Error(`campaigns/ 中没有活动 ${code}`);
  return found;
}
