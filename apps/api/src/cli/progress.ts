import cliProgress from 'cli-progress';
import type { LoadProgress } from '../services/org/load-tree';

/** A bar on stderr, so `--json` output on stdout stays clean. */
export function progressBar(label: string): LoadProgress {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% {value}/{total}`,
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  return { start: (total) => bar.start(total, 0), tick: (n) => bar.increment(n), stop: () => bar.stop() };
}
