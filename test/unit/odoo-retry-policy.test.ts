import { describe, expect, it } from '@jest/globals';
import { CircuitBreaker } from '../../gateway/odoo/client/circuit-breaker.js';
import { isRepeatable } from '../../gateway/odoo/client/odoo-call.js';
import { OdooCallError } from '../../gateway/odoo/client/odoo-errors.js';
import { backoffDelay, withRetry, type RetryEvent, type RetryPolicy } from '../../gateway/odoo/client/retry-policy.js';
import { refusal } from '../helpers/refusal.js';

function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function policy(random = 0.5): RetryPolicy & { readonly waits: number[] } {
  const waits: number[] = [];
  return { attempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, random: () => random, sleep: async (ms) => void waits.push(ms), waits };
}

const unreachable = () => new OdooCallError('ODOO_UNAVAILABLE', 'Could not reach Odoo to read res.partner: the connection was refused');
const answerLost = () => new OdooCallError('ODOO_UNAVAILABLE', 'No answer from Odoo when asked to create a res.partner record: the connection was lost; it may or may not have been done', { outcomeUnknown: true });
const collision = () => new OdooCallError('ODOO_CONCURRENT_UPDATE', 'Odoo could not create a res.partner record: another change ...');
const refused = () => new OdooCallError('ODOO_RECORD_REFUSED', 'Odoo refused to run action_confirm on sale.order 7: Some orders are not in a state requiring confirmation.');

/** Work that fails with the given errors in turn, then answers 'done'; counts its calls. */
function failing(...errors: Error[]) {
  const work = async () => {
    work.calls += 1;
    const error = errors.shift();
    if (error) throw error;
    return 'done';
  };
  work.calls = 0;
  return work;
}

describe('backoff', () => {
  it('doubles from the base up to the maximum, half of it fixed and half jitter', () => {
    const fixed = { baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, { ...fixed, random: () => 0 }))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, { ...fixed, random: () => 0.999999 }))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(backoffDelay(3, { ...fixed, random: () => 0.5 })).toBe(300);
  });
});

describe('withRetry', () => {
  it('tries a transient failure again after growing waits, and answers once it succeeds', async () => {
    const rules = policy();
    const events: RetryEvent[] = [];
    const work = failing(unreachable(), collision());
    expect(await withRetry(work, { policy: rules, breaker: new CircuitBreaker('test'), repeatable: false, onRetry: (event) => events.push(event) })).toBe('done');
    expect(work.calls).toBe(3);
    expect(rules.waits).toEqual([75, 150]);
    expect(events.map(({ attempt, delayMs, error }) => [attempt, delayMs, error.code])).toEqual([
      [1, 75, 'ODOO_UNAVAILABLE'],
      [2, 150, 'ODOO_CONCURRENT_UPDATE'],
    ]);
  });

  it('gives up after the policy’s tries with the last failure', async () => {
    const rules = policy();
    const work = failing(collision(), collision(), collision(), collision(), collision());
    expect((await refusal(withRetry(work, { policy: rules, breaker: new CircuitBreaker('test'), repeatable: true }))).code).toBe('ODOO_CONCURRENT_UPDATE');
    expect(work.calls).toBe(4);
    expect(rules.waits).toHaveLength(3);
  });

  it('never tries a business refusal again', async () => {
    const rules = policy();
    const work = failing(refused());
    const error = await refusal(withRetry(work, { policy: rules, breaker: new CircuitBreaker('test'), repeatable: true }));
    expect(error.message).toBe('Odoo refused to run action_confirm on sale.order 7: Some orders are not in a state requiring confirmation.');
    expect([work.calls, rules.waits]).toEqual([1, []]);
  });

  it('sends a read again after a lost answer, but not a create: that one becomes ODOO_OUTCOME_UNKNOWN', async () => {
    const read = failing(answerLost());
    expect(await withRetry(read, { policy: policy(), breaker: new CircuitBreaker('test'), repeatable: true })).toBe('done');
    expect(read.calls).toBe(2);

    const create = failing(answerLost());
    const unknown = await refusal(withRetry(create, { policy: policy(), breaker: new CircuitBreaker('test'), repeatable: false }));
    expect(unknown.code).toBe('ODOO_OUTCOME_UNKNOWN');
    expect(unknown.message).toBe(
      'No answer from Odoo when asked to create a res.partner record: the connection was lost; it may or may not have been done, so it is not sent again before the gateway has checked whether it was',
    );
    expect(create.calls).toBe(1);
  });

  it('lets an error of the gateway’s own through untouched, without counting it against Odoo', async () => {
    const breaker = new CircuitBreaker('test', { failureThreshold: 1 });
    const bug = new TypeError('x is undefined');
    expect(await withRetry(failing(bug), { policy: policy(), breaker, repeatable: true }).catch((error: unknown) => error)).toBe(bug);
    expect(breaker.state).toBe('closed');
  });
});

describe('calls sent again after a lost answer', () => {
  it('are reads and writes of plain values, never creates, buttons or writes that add or delete lines', () => {
    expect(['search', 'search_read', 'read', 'name_search', 'context_get'].every((method) => isRepeatable({ method }))).toBe(true);
    expect(['create', 'unlink', 'action_confirm', 'button_validate', 'message_post'].some((method) => isRepeatable({ method }))).toBe(false);
    expect(isRepeatable({ method: 'write', positional: [['vals', { carrier_tracking_ref: '1Z999', tag_ids: [[6, 0, [1]]], move_ids: [[1, 4, { quantity: 2 }]] }]] })).toBe(true);
    expect(isRepeatable({ method: 'write', positional: [['vals', { order_line: [[0, 0, { product_id: 1 }]] }]] })).toBe(false);
    expect(isRepeatable({ method: 'write', keywords: { vals: { order_line: [[2, 9, 0]] } } })).toBe(false);
  });
});

describe('circuit breaker', () => {
  it('opens after the threshold of unreachable calls in a row, refuses at once, probes once after the cool-down', async () => {
    const clock = fakeClock();
    const breaker = new CircuitBreaker('acme-odoo', { failureThreshold: 3, coolDownMs: 30_000, now: clock.now });
    const rules = { ...policy(), attempts: 1 };
    const down = failing(unreachable(), unreachable(), unreachable(), unreachable(), unreachable());
    for (let call = 0; call < 3; call += 1) expect((await refusal(withRetry(down, { policy: rules, breaker, repeatable: true }))).code).toBe('ODOO_UNAVAILABLE');
    expect(breaker.state).toBe('open');

    const paused = await refusal(withRetry(down, { policy: rules, breaker, repeatable: true }));
    expect([paused.code, paused.message]).toEqual([
      'ODOO_CIRCUIT_OPEN',
      'Calls to Odoo (acme-odoo) are paused after 3 failed in a row (the last: Could not reach Odoo to read res.partner: the connection was refused); the next try is in 30 s',
    ]);
    expect(down.calls).toBe(3);

    clock.advance(30_000);
    expect(breaker.state).toBe('half-open');
    breaker.admit();
    const second = await refusal(Promise.resolve().then(() => breaker.admit()));
    expect(second.message).toMatch(/; a trial call is under way$/);
    breaker.failed('still down');
    expect(breaker.state).toBe('open');

    clock.advance(30_000);
    expect(await withRetry(failing(), { policy: rules, breaker, repeatable: true })).toBe('done');
    expect(breaker.state).toBe('closed');
  });

  it('counts only failures in a row, and an answer from Odoo (even a refusal) shows it is up', async () => {
    const breaker = new CircuitBreaker('test', { failureThreshold: 2, coolDownMs: 1_000, now: fakeClock().now });
    const rules = { ...policy(), attempts: 1 };
    await refusal(withRetry(failing(unreachable()), { policy: rules, breaker, repeatable: true }));
    await refusal(withRetry(failing(refused()), { policy: rules, breaker, repeatable: true }));
    await refusal(withRetry(failing(unreachable()), { policy: rules, breaker, repeatable: true }));
    expect(breaker.state).toBe('closed');
    await refusal(withRetry(failing(unreachable()), { policy: rules, breaker, repeatable: true }));
    expect(breaker.state).toBe('open');
  });
});
