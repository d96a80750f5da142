import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { storeOutboundDocument } from '../../gateway/outbound/store-document.js';
import { ack997, envelopeNumbers, shipNotice, startOutboundHarness, x12AckInterchange, type OutboundHarness, type PartnerMailbox, type SetAnswer } from '../helpers/outbound-harness.js';

// The acceptance scenario of issue 7 for outbound documents, in small: 100 ship notices to one partner, which
// picks them up over SFTP and accepts some, rejects some, sends some of its 997s twice and stays silent on the
// rest. After the window every document has the state it should, the silent ones were resubmitted as the
// partner's policy says (once, then handed to support), and every alert was recorded once.

const HOUR = 3_600_000;
const TOTAL = 100;

let harness: OutboundHarness;
let partner: PartnerMailbox;

beforeAll(async () => {
  harness = await startOutboundHarness();
  await harness.addPartner({ id: 'acme', expect: { withinHours: 1, whenOverdue: 'both', maxResubmissions: 1, requestInterchangeAck: false } });
  partner = await harness.mailbox('acme');
});

afterAll(async () => {
  partner?.close();
  await harness?.stop();
});

type Plan = 'accept' | 'accept-with-errors' | 'reject' | 'silent-then-accept' | 'silent';

function planOf(n: number): Plan {
  if (n < 45) return 'accept';
  if (n < 50) return 'accept-with-errors';
  if (n < 70) return 'reject';
  if (n < 90) return 'silent-then-accept';
  return 'silent';
}

const shipment = (n: number) => `SHIP-${String(n).padStart(3, '0')}`;

/** The partner's side: what is new in its /outbound, by shipment number (BSN02), with the envelope numbers to answer. */
async function pickUp(seen: Set<string>): Promise<Map<string, { gs06: string; st02: string }>> {
  const found = new Map<string, { gs06: string; st02: string }>();
  for (const name of await partner.list()) {
    if (seen.has(name) || !name.startsWith('856-')) continue;
    seen.add(name);
    const text = (await partner.read(name)).toString('latin1');
    const number = /BSN\*00\*([^*~]+)/.exec(text)?.[1] as string;
    found.set(number, envelopeNumbers(text));
  }
  return found;
}

function answerFor(plan: Plan, st02: string): SetAnswer {
  if (plan === 'accept-with-errors') return { set: st02, status: 'E', segments: ['AK3*DTM*3**7'] };
  if (plan === 'reject') return { set: st02, status: 'R', codes: ['5'], segments: ['AK3*TD5*4**3', 'AK3*REF*6**8', 'AK4*2*127*7*XX'] };
  return { set: st02, status: 'A' };
}

let isa = 900;

/** Uploads the 997s in one interchange and waits until every one is reconciled. */
async function upload(name: string, acks: readonly string[]): Promise<void> {
  isa += 1;
  await partner.upload(name, x12AckInterchange('acme', String(isa).padStart(9, '0'), acks));
  await harness.waitForValue(
    `${name} reconciled`,
    'SELECT count(*)::int AS value FROM acknowledgments_in a JOIN received_files f ON f.id = a.file_id WHERE f.original_name = $1',
    [name],
    acks.length,
    60_000,
  );
}

const countsByState = async (where: string) =>
  Object.fromEntries(
    (await harness.pool.query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM outbound_documents WHERE ${where} GROUP BY state ORDER BY state`)).rows.map((row) => [row.state, row.n]),
  );

it('100 documents: accepted, rejected, duplicated and silent ones each end in the right state, resubmitted per policy, alerted once each', async () => {
  const started = Date.now();
  const ids: string[] = [];
  for (let n = 0; n < TOTAL; n += 1) {
    const { document } = await storeOutboundDocument(harness.pool, { partner: 'acme', json: shipNotice(shipment(n)), where: `document ${n}`, origin: 'odoo', sentBy: 'odoo-poller' });
    ids.push(document.id);
    await harness.nudgeRender(document.id);
  }
  await harness.waitForValue('100 documents awaiting their 997', "SELECT count(*)::int AS value FROM outbound_documents WHERE state = 'AWAITING_ACK'", [], TOTAL, 60_000);

  const seen = new Set<string>();
  const first = await pickUp(seen);
  expect(first.size).toBe(TOTAL);
  // ST02 of each 997 from `firstSet` on: two sets with one control number in a group would be refused as such.
  const answered = (from: number, to: number, numbers: Map<string, { gs06: string; st02: string }>, firstSet = 1) =>
    Array.from({ length: to - from }, (_, index) => from + index).map((n, index) => {
      const { gs06, st02 } = numbers.get(shipment(n)) as { gs06: string; st02: string };
      return ack997(String(firstSet + index).padStart(4, '0'), gs06, [answerFor(planOf(n), st02)]);
    });
  await upload('acks-1.x12', answered(0, 35, first));
  await upload('acks-2.x12', answered(35, 70, first));
  // The partner's system sends some of its 997s again, in an interchange of their own.
  await upload('acks-again.x12', [...answered(0, 10, first), ...answered(50, 55, first, 11)]);

  // The window passes: the 30 silent documents are overdue, and each is sent again once.
  harness.advanceClock(HOUR + 60_000);
  expect((await harness.sweep()).overdue).toBe(30);
  await harness.waitForValue('30 resubmissions awaiting their 997', "SELECT count(*)::int AS value FROM outbound_documents WHERE resubmission_of IS NOT NULL AND state = 'AWAITING_ACK'", [], 30, 60_000);
  expect((await harness.sweep()).overdue).toBe(0);

  const second = await pickUp(seen);
  expect([...second.keys()].sort()).toEqual(Array.from({ length: 30 }, (_, index) => shipment(70 + index)));
  await upload('acks-3.x12', answered(70, 90, second));

  // The next window passes: the 10 still silent are handed to support.
  harness.advanceClock(HOUR + 60_000);
  expect((await harness.sweep()).overdue).toBe(10);
  await harness.waitForValue('10 documents overdue', "SELECT count(*)::int AS value FROM outbound_documents WHERE state = 'OVERDUE'", [], 10, 60_000);
  await harness.sweep();

  const originals = await countsByState('resubmission_of IS NULL');
  const resubmissions = await countsByState('resubmission_of IS NOT NULL');
  const alertCounts = Object.fromEntries(
    (await harness.pool.query<{ kind: string; n: number }>('SELECT kind, count(*)::int AS n FROM alerts GROUP BY kind ORDER BY kind')).rows.map((row) => [row.kind, row.n]),
  );
  const exceptionCounts = Object.fromEntries(
    (await harness.pool.query<{ code: string; n: number }>("SELECT code, count(*)::int AS n FROM exceptions WHERE state = 'OPEN' GROUP BY code ORDER BY code")).rows.map((row) => [row.code, row.n]),
  );
  const acknowledgments = Object.fromEntries(
    (await harness.pool.query<{ outcome: string; n: number }>('SELECT outcome, count(*)::int AS n FROM acknowledgments_in GROUP BY outcome ORDER BY outcome')).rows.map((row) => [row.outcome, row.n]),
  );
  console.log(
    [
      `outbound acceptance: ${TOTAL} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  originals by state:     ${JSON.stringify(originals)}`,
      `  resubmissions by state: ${JSON.stringify(resubmissions)}`,
      `  acknowledgments read:   ${JSON.stringify(acknowledgments)}`,
      `  alerts by kind:         ${JSON.stringify(alertCounts)}`,
      `  open exceptions:        ${JSON.stringify(exceptionCounts)}`,
    ].join('\n'),
  );

  expect(originals).toEqual({ ACCEPTED: 45, ACCEPTED_WITH_ERRORS: 5, REJECTED: 20, RESUBMITTED: 30 });
  expect(resubmissions).toEqual({ ACCEPTED: 20, OVERDUE: 10 });
  expect(acknowledgments).toEqual({ duplicate: 15, settled: 90 });
  expect(alertCounts).toEqual({ 'ack-overdue': 40, 'ack-rejected': 20 });
  expect(exceptionCounts).toEqual({ ACK_OVERDUE: 10, ACK_REJECTED: 20 });

  // Once each: no document has two alerts of a kind, and each resubmission is the only one of its original.
  expect((await harness.pool.query('SELECT document_id, kind FROM alerts GROUP BY document_id, kind HAVING count(*) > 1')).rows).toEqual([]);
  const links = (await harness.pool.query<{ original: string; state: string; resubmitted: string }>(
    `SELECT o.id::text AS original, o.state, r.state AS resubmitted FROM outbound_documents r JOIN outbound_documents o ON o.id = r.resubmission_of ORDER BY o.id`,
  )).rows;
  expect(links.map((link) => ids.indexOf(link.original))).toEqual(Array.from({ length: 30 }, (_, index) => 70 + index));
  expect(new Set(links.map((link) => link.state))).toEqual(new Set(['RESUBMITTED']));
  // Every document is in exactly one of the states it can end in, after the window.
  for (const [index, id] of ids.entries()) {
    const expected = { accept: 'ACCEPTED', 'accept-with-errors': 'ACCEPTED_WITH_ERRORS', reject: 'REJECTED', 'silent-then-accept': 'RESUBMITTED', silent: 'RESUBMITTED' }[planOf(index)];
    expect([index, (await harness.pool.query('SELECT state FROM outbound_documents WHERE id = $1', [id])).rows[0].state]).toEqual([index, expected]);
  }
}, 180_000);
