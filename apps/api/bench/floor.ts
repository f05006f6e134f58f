import { sql } from 'drizzle-orm';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import type { Ctx } from '../src/services/context';

const ids = (rows: unknown[][]) => rows.map((r) => Number(r[0]));
const list = (values: number[]) => sql.raw(values.length ? values.join(',') : 'null');

/**
 * The floor: the rows status.at needs for one date, read with plain SQL into arrays and not looked at —
 * newest submission per county and its values, newest roster and case log per county with their rows,
 * visits and summaries. Status reads these for asOf and, past 10-31, the rosters at the deadline too.
 * The SQL is standard, so the floor is the same on SQLite and PostgreSQL.
 */
export async function floorReads(ctx: Ctx<'campaign'>, asOf: string): Promise<number> {
  const { db, campaign } = ctx;
  const scope = `${campaign.province}%`;
  const read = async (before: string) => {
    const subs =
      await db.values(sql`select s.id from report_submissions s where s.county_code like ${scope} and s.submitted_at < ${before}
      and s.id = (select max(s2.id) from report_submissions s2 where s2.county_code = s.county_code and s2.submitted_at < ${before}
                  and s2.period = (select max(s3.period) from report_submissions s3 where s3.county_code = s.county_code and s3.submitted_at < ${before}))`);
    const values = await db.values(
      sql`select submission_id, field, value from submission_values where submission_id in (${list(ids(subs))})`,
    );
    const latest = async (table: string, at: string) =>
      ids(
        await db.values(
          sql`select max(id) from ${sql.raw(table)} where county_code like ${scope} and ${sql.raw(at)} < ${before} group by county_code`,
        ),
      );
    const rosters = await db.values(
      sql`select * from roster_rows where upload_id in (${list(await latest('roster_uploads', 'uploaded_at'))})`,
    );
    const cases = await db.values(
      sql`select * from case_records where upload_id in (${list(await latest('case_uploads', 'uploaded_at'))})`,
    );
    const visits = await db.values(
      sql`select county_code, visited_on from supervision_visits where county_code like ${scope} and recorded_at < ${before}`,
    );
    const summaries = await db.values(
      sql`select city_code, submitted_at from city_summaries where city_code like ${scope} and submitted_at < ${before}`,
    );
    return values.length + rosters.length + cases.length + visits.length + summaries.length;
  };
  const end = endOfBeijingDay(asOf);
  return (await read(end)) + (asOf > '2021-10-31' ? await read(endOfBeijingDay('2021-10-31')) : 0);
}
