import { openDb } from '../../db/client';
import { databasePath } from '../../db/paths';
import { systemActor } from '../../services/actor';
import { readClock, setClock, type ClockReading } from '../../services/clock/clock';
import { parse, str, UsageError } from '../args';

const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

function describe(c: ClockReading): string {
  const kind =
    c.mode === 'real'
      ? '真实时间'
      : c.mode === 'running'
        ? '模拟时钟（自设定时刻起随真实时间走动）'
        : '模拟时钟（停止）';
  return `${kind}：${beijing(c.now)}（北京时间），${c.now}；查看日期默认 ${c.today}`;
}

/** `clock` prints the campaign clock, `clock set ISO` starts a simulated clock there, `clock real` returns to real time. */
export async function clockCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parse(argv, { db: { type: 'string' } });
  const [action, at] = positionals;
  const opened = await openDb(databasePath(str(flags, 'db')));
  try {
    const ctx = { db: opened.db, actor: systemActor };
    if (action === undefined) console.log(describe(await readClock(ctx)));
    else if (action === 'set') {
      if (!at) throw new UsageError('用法：clock set ISO时间（北京时间，形如 YYYY-MM-DDThh:mm:ss+08:00）');
      console.log(`已设定${describe(await setClock(ctx, { at }))}`);
    } else if (action === 'real') console.log(`已恢复${describe(await setClock(ctx, { at: null }))}`);
    else throw new UsageError('用法：clock [set ISO时间 | real]');
  } finally {
    await opened.close();
  }
  return 0;
}
