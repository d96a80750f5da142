import type { ControlNumberAllocator, ControlNumberKind } from '../../translators/control-numbers.js';
import type { Queryable } from './pool.js';
import { nextControlNumber } from './sql/control-numbers.js';

const KINDS: readonly ControlNumberKind[] = ['interchange', 'group', 'set'];

/**
 * Control numbers from the `control_numbers` table, unique per partner and kind across every connection
 * and every gateway instance on the database.
 *
 * Pass the pool, not a transaction's client: each number is then committed the moment it is given, outside
 * whatever transaction the caller is in. If that transaction rolls back, its number is skipped, never given
 * again, because a partner rejects a reused control number as a duplicate while a gap is harmless. It also
 * keeps the counter's row locked for one statement only, instead of until the caller commits, which would
 * make every writer to that partner wait for the slowest.
 */
export function createControlNumberAllocator(db: Queryable): ControlNumberAllocator {
  return {
    async next(partner, kind, max) {
      if (typeof partner !== 'string' || partner === '') {
        throw new RangeError(`Control number partner must be a non-empty text, got ${JSON.stringify(partner)}.`);
      }
      if (!KINDS.includes(kind)) {
        throw new RangeError(`Control number kind must be one of ${KINDS.join(', ')}, got ${JSON.stringify(kind)}.`);
      }
      if (!Number.isSafeInteger(max) || max < 1) {
        throw new RangeError(`Control number max must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}, got ${String(max)}.`);
      }
      return nextControlNumber(db, partner, kind, max);
    },
  };
}
