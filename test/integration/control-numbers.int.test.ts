import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createControlNumberAllocator } from '../../gateway/store/control-number-allocator.js';
import { createPool, withTransaction, type Pool } from '../../gateway/store/pool.js';
import type { ControlNumberAllocator, ControlNumberKind } from '../../translators/control-numbers.js';
import { createTestDatabase, silentLog } from '../helpers/test-database.js';

let url: string;
let pool: Pool;
let allocator: ControlNumberAllocator;
beforeAll(async () => {
  ({ url, pool } = await createTestDatabase());
  allocator = createControlNumberAllocator(pool);
});
afterAll(async () => pool.end());

async function draw(partner: string, kind: ControlNumberKind, max: number, count: number): Promise<number[]> {
  const numbers: number[] = [];
  for (let index = 0; index < count; index += 1) numbers.push(await allocator.next(partner, kind, max));
  return numbers;
}

const oneTo = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('database control-number allocator', () => {
  it('starts at 1 and goes up by one', async () => {
    expect(await draw('start', 'interchange', 999_999_999, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps a counter per partner and per kind', async () => {
    expect(await allocator.next('acme', 'interchange', 999_999_999)).toBe(1);
    expect(await allocator.next('acme', 'interchange', 999_999_999)).toBe(2);
    expect(await allocator.next('acme', 'group', 999_999_999)).toBe(1);
    expect(await allocator.next('acme', 'set', 9_999)).toBe(1);
    expect(await allocator.next('globex', 'interchange', 999_999_999)).toBe(1);
    expect(await allocator.next('acme', 'interchange', 999_999_999)).toBe(3);
    expect(await allocator.next('acme', 'group', 999_999_999)).toBe(2);
  });

  it('goes back to 1 after max', async () => {
    expect(await draw('wrap', 'set', 3, 7)).toEqual([1, 2, 3, 1, 2, 3, 1]);
    expect(await draw('wrap-one', 'group', 1, 3)).toEqual([1, 1, 1]);
  });

  it('returns numbers above the 32-bit range exactly', async () => {
    const max = 99_999_999_999_999;
    await pool.query("INSERT INTO control_numbers (partner, kind, last_value) VALUES ('edifact', 'interchange', $1)", [max - 1]);
    expect(await draw('edifact', 'interchange', max, 2)).toEqual([max, 1]);
  });

  it('gives 1,000 concurrent callers on two gateway instances 1,000 distinct consecutive numbers', async () => {
    const other = createPool({ url, max: 10, applicationName: 'other-instance', log: silentLog });
    try {
      const instances = [allocator, createControlNumberAllocator(other)];
      const numbers = await Promise.all(
        oneTo(1_000).map((call) => (instances[call % 2] as ControlNumberAllocator).next('busy', 'interchange', 999_999_999)),
      );
      expect(numbers.sort((a, b) => a - b)).toEqual(oneTo(1_000));
    } finally {
      await other.end();
    }
  });

  it('goes round exactly once per max numbers when callers wrap concurrently', async () => {
    const numbers = await Promise.all(oneTo(100).map(() => allocator.next('busy-wrap', 'set', 10)));
    const counts = new Map<number, number>();
    for (const number of numbers) counts.set(number, (counts.get(number) ?? 0) + 1);
    expect([...counts.entries()].sort(([a], [b]) => a - b)).toEqual(oneTo(10).map((number) => [number, 10]));
  });

  it('skips, never reuses, a number drawn in a transaction that rolled back', async () => {
    await expect(
      withTransaction(pool, async () => {
        expect(await allocator.next('rollback', 'interchange', 999_999_999)).toBe(1);
        throw new Error('the document was not sent');
      }),
    ).rejects.toThrow('the document was not sent');
    expect(await allocator.next('rollback', 'interchange', 999_999_999)).toBe(2);
  });

  it('rejects bad arguments, naming the argument, and gives no number for them', async () => {
    const maxRule = 'Control number max must be a whole number from 1 to 9007199254740991';
    await expect(allocator.next('', 'interchange', 10)).rejects.toThrow('Control number partner must be a non-empty text, got "".');
    await expect(allocator.next('refused', 'batch' as ControlNumberKind, 10)).rejects.toThrow(
      'Control number kind must be one of interchange, group, set, got "batch".',
    );
    await expect(allocator.next('refused', 'set', 0)).rejects.toThrow(`${maxRule}, got 0.`);
    await expect(allocator.next('refused', 'set', -5)).rejects.toThrow(`${maxRule}, got -5.`);
    await expect(allocator.next('refused', 'set', 2.5)).rejects.toThrow(`${maxRule}, got 2.5.`);
    await expect(allocator.next('refused', 'set', Number.NaN)).rejects.toThrow(`${maxRule}, got NaN.`);
    await expect(allocator.next('refused', 'set', 2 ** 53)).rejects.toThrow(`${maxRule}, got 9007199254740992.`);
    expect(await allocator.next('refused', 'set', 10)).toBe(1);
  });

  it('is a migration of its own, and the table refuses an unknown kind or a last value below 1', async () => {
    const rows = await pool.query("SELECT version FROM schema_migrations WHERE version = '0003_control_numbers'");
    expect(rows.rows).toHaveLength(1);
    await expect(pool.query("INSERT INTO control_numbers (partner, kind, last_value) VALUES ('p', 'batch', 1)")).rejects.toThrow(
      'control_numbers_kind_check',
    );
    await expect(pool.query("INSERT INTO control_numbers (partner, kind, last_value) VALUES ('p', 'set', 0)")).rejects.toThrow(
      'control_numbers_last_value_check',
    );
  });
});
