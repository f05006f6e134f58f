import { describe, expect, test } from 'vitest';
import { setClock } from '../src/services/clock/clock';
import { stampedWrite, withTransaction, type ServiceContext } from '../src/services/context';
import { freshContexts } from './support/fresh-context';

// A write reads the campaign clock in the round trip that opens its transaction (PostgreSQL: with BEGIN and its
// locks), or as a statement of its own when it joins a transaction already open: either way it is stamped by the
// clock as set, never by the machine's time.

const setUp = freshContexts();

const stampOf = (ctx: ServiceContext) => stampedWrite(ctx, { at: undefined, locks: [] }, async (_ctx, at) => at);

describe('a write is stamped by the campaign clock', () => {
  test('frozen at 8 October 2021, 09:00 Beijing: 01:00 UTC, in its own transaction or inside another', async () => {
    const ctx = await setUp('2021-10-08T09:00:00+08:00');
    expect(await stampOf(ctx)).toBe('2021-10-08T01:00:00.000Z');
    expect(await withTransaction(ctx, [], (inner) => stampOf(inner))).toBe('2021-10-08T01:00:00.000Z');
  });

  test('set again, the next write is stamped by the new setting, not by the one a write read before', async () => {
    const ctx = await setUp('2021-10-08T09:00:00+08:00');
    await stampOf(ctx);
    await setClock(ctx, { at: '2021-11-30T23:30:00+08:00', mode: 'frozen' });
    expect(await stampOf(ctx)).toBe('2021-11-30T15:30:00.000Z');
    expect(await withTransaction(ctx, [], (inner) => stampOf(inner))).toBe('2021-11-30T15:30:00.000Z');
  });
});
