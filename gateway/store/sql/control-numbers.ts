import type { ControlNumberKind } from '../../../translators/control-numbers.js';
import type { Queryable } from '../pool.js';

/**
 * Takes the next number of the counter in one statement: the first call inserts 1, later ones lock the
 * row and add one, or go back to 1 once `max` was given. A concurrent first call waits for the insert and
 * then takes the update path, so two callers never read the same value.
 */
export async function nextControlNumber(db: Queryable, partner: string, kind: ControlNumberKind, max: number): Promise<number> {
  const result = await db.query<{ value: number }>(
    `INSERT INTO control_numbers AS counter (partner, kind, last_value)
     VALUES ($1, $2, 1)
     ON CONFLICT (partner, kind) DO UPDATE
        SET last_value = CASE WHEN counter.last_value >= $3::bigint THEN 1 ELSE counter.last_value + 1 END,
            updated_at = now()
     RETURNING last_value::float8 AS value`,
    [partner, kind, max],
  );
  // An upsert returns its row whether it inserted or updated.
  return (result.rows[0] as { value: number }).value;
}
