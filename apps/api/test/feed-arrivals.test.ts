import { describe, expect, test } from 'vitest';
import { asReadArrivedNow, catchUp } from '../src/db/change-feed';
import { readClock, setClock } from '../src/services/clock/clock';
import { freshContexts } from './support/fresh-context';

// A read-only request begins its catch-up on the change feed as it arrives, beside its session check, and then takes
// any feed read begun since as its own (`asReadArrivedNow`): it must still see every write committed before it
// arrived, and never one read begun before that.

const setUp = freshContexts();
const iso = (local: string) => new Date(`${local}:00+08:00`).toISOString();

describe('a read arrived after a write', () => {
  test('sees the clock set just before it, though the clock was kept from a feed read made before the setting', async () => {
    const ctx = await setUp();
    await setClock(ctx, { at: iso('2021-09-01T09:00'), mode: 'frozen' });
    // Read and kept: 1 September, after a feed read that ended well.
    expect((await readClock(ctx)).today).toBe('2021-09-01');
    await catchUp(ctx.db);

    await setClock(ctx, { at: iso('2021-10-08T09:00'), mode: 'frozen' });
    const seen = await asReadArrivedNow(ctx.db, async () => {
      await catchUp(ctx.db);
      return (await readClock(ctx)).today;
    });
    expect(seen).toBe('2021-10-08');
  });

  test('two reads arriving one after the other each see the setting made between them', async () => {
    const ctx = await setUp();
    await setClock(ctx, { at: iso('2021-09-01T09:00'), mode: 'frozen' });
    const first = await asReadArrivedNow(ctx.db, async () => (await readClock(ctx)).today);
    await setClock(ctx, { at: iso('2021-11-15T09:00'), mode: 'frozen' });
    const second = await asReadArrivedNow(ctx.db, async () => (await readClock(ctx)).today);
    expect([first, second]).toEqual(['2021-09-01', '2021-11-15']);
  });
});
