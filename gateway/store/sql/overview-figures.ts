import type { Queryable } from '../pool.js';

// The figures of the dashboard's overview, each a count the index of its table answers: today's files by
// partner and state, the acknowledgments of today's files, the acknowledgments still owed, open exceptions,
// and the files in the pipeline's queue.

export interface OverviewQuery {
  /** Today (YYYY-MM-DD) in `timeZone`. */
  readonly today: string;
  readonly timeZone: string;
  /** The states a file waits in for the next step. */
  readonly queueStates: readonly string[];
  /** A file that reached its queue state before this is stuck. */
  readonly stuckBefore: Date;
}

export interface OverviewFigures {
  readonly filesToday: readonly { readonly partner: string; readonly state: string; readonly count: number }[];
  readonly acknowledgmentsToday: { readonly owed: number; readonly delivered: number };
  readonly acknowledgmentsOwed: number;
  readonly openExceptions: number;
  readonly queue: readonly { readonly state: string; readonly count: number; readonly stuck: number }[];
}

const START_OF_TODAY = '($1::date::timestamp AT TIME ZONE $2)';

export async function overviewFigures(db: Queryable, query: OverviewQuery): Promise<OverviewFigures> {
  const [files, acknowledgments, owed, exceptions, queue] = await Promise.all([
    db.query<{ partner: string; state: string; count: number }>(
      `SELECT partner, state, count(*)::int AS count FROM received_files WHERE received_at >= ${START_OF_TODAY}
        GROUP BY partner, state ORDER BY partner, state`,
      [query.today, query.timeZone],
    ),
    db.query<{ owed: number; delivered: number }>(
      `SELECT count(*) FILTER (WHERE a.state = 'PENDING')::int AS owed, count(*) FILTER (WHERE a.state = 'DELIVERED')::int AS delivered
         FROM acknowledgments_out a JOIN received_files f ON f.id = a.file_id
        WHERE f.received_at >= ${START_OF_TODAY}`,
      [query.today, query.timeZone],
    ),
    db.query<{ count: number }>(`SELECT count(*)::int AS count FROM acknowledgments_out WHERE state = 'PENDING'`),
    db.query<{ count: number }>(`SELECT count(*)::int AS count FROM exceptions WHERE state = 'OPEN'`),
    db.query<{ state: string; count: number; stuck: number }>(
      `SELECT state, count(*)::int AS count, count(*) FILTER (WHERE state_changed_at < $2)::int AS stuck
         FROM received_files WHERE state = ANY($1::text[]) GROUP BY state`,
      [query.queueStates, query.stuckBefore],
    ),
  ]);
  return {
    filesToday: files.rows,
    acknowledgmentsToday: acknowledgments.rows[0] ?? { owed: 0, delivered: 0 },
    acknowledgmentsOwed: owed.rows[0]?.count ?? 0,
    openExceptions: exceptions.rows[0]?.count ?? 0,
    queue: query.queueStates.map((state) => queue.rows.find((row) => row.state === state) ?? { state, count: 0, stuck: 0 }),
  };
}
