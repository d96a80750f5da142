import type pg from 'pg';

// What the gateway's own rows say about each file, on the database's one clock: when its upload was
// committed (the SFTP close succeeds only after that), when its order was handed to the sync port (the sync
// intent is recorded just before the call), and when its 997 was placed in the partner's /outbound.

export interface FileTiming {
  /** Epoch milliseconds. */
  readonly received: number;
  readonly handedToSync: number | null;
  readonly ackPlaced: number | null;
}

export async function readTimings(db: pg.Client): Promise<FileTiming[]> {
  const result = await db.query<{ received: number; handed: number | null; placed: number | null }>(
    `SELECT extract(epoch FROM f.received_at) * 1000 AS received,
            (SELECT extract(epoch FROM min(s.started_at)) * 1000 FROM documents d JOIN sync_intents s ON s.document_id = d.id WHERE d.file_id = f.id) AS handed,
            (SELECT extract(epoch FROM min(o.placed_at)) * 1000 FROM acknowledgments_out a
               JOIN sftp_outbound_files o ON o.partner = a.partner AND o.name = a.kind || '-' || a.control_number || '.x12'
              WHERE a.file_id = f.id) AS placed
       FROM received_files f`,
  );
  return result.rows.map((row) => ({
    received: Number(row.received),
    handedToSync: row.handed === null ? null : Number(row.handed),
    ackPlaced: row.placed === null ? null : Number(row.placed),
  }));
}

/** How far the pipeline has come: files received, files whose order was handed to sync, acknowledgments placed. */
export async function countDone(db: pg.Client): Promise<{ received: number; handedToSync: number; ackPlaced: number }> {
  const result = await db.query<{ received: number; handed: number; placed: number }>(
    `SELECT (SELECT count(*)::int FROM received_files) AS received,
            (SELECT count(DISTINCT d.file_id)::int FROM documents d WHERE d.sync_attempt > 0) AS handed,
            (SELECT count(*)::int FROM acknowledgments_out WHERE state = 'DELIVERED') AS placed`,
  );
  const row = result.rows[0]!;
  return { received: row.received, handedToSync: row.handed, ackPlaced: row.placed };
}

/**
 * The `fraction` percentile (nearest rank) of the files' latencies; a file that never got there counts as
 * slower than all, and a percentile landing on one is undefined.
 */
export function percentile(latencies: readonly (number | null)[], fraction: number): number | undefined {
  const sorted = latencies.map((latency) => latency ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b);
  const value = sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)];
  return value === undefined || value === Number.POSITIVE_INFINITY ? undefined : value;
}

/** Files per second handed to sync in each whole `bucketMs` from `from` until `until` (a last part-filled one left out). */
export function ratePerBucket(times: readonly number[], from: number, until: number, bucketMs: number): number[] {
  const buckets = Math.max(1, Math.floor((until - from) / bucketMs));
  const counts = new Array<number>(buckets).fill(0);
  for (const time of times) {
    const bucket = Math.floor((time - from) / bucketMs);
    if (bucket >= 0 && bucket < buckets) counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  return counts.map((count) => count / (bucketMs / 1000));
}
