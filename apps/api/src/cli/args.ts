import { parseArgs } from 'node:util';

export type Flags = Record<string, string | boolean | undefined>;

export function parse(argv: string[], options: Record<string, { type: 'string' | 'boolean' }>) {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  return { flags: values, positionals };
}

export function str(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

export class UsageError extends Error {}

/** Refuses a flag the command does not take (`report annex --city` would otherwise be silently ignored). */
export function onlyFlags(flags: Flags, allowed: readonly string[], command: string, usage: string): void {
  const stray = Object.keys(flags).filter((f) => flags[f] !== undefined && !allowed.includes(f));
  if (stray.length) throw new UsageError(`${command} 不接受 ${stray.map((f) => `--${f}`).join('、')}\n${usage}`);
}
