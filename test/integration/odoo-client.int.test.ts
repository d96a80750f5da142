import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ensureRecord, ediExternalId, resumeSteps, type WriteStep } from '../../gateway/odoo/client/idempotent-write.js';
import { loadOdooApiKey } from '../../gateway/odoo/client/odoo-api-key.js';
import { connectOdoo, type ConnectOdooOptions, type OdooClient } from '../../gateway/odoo/client/odoo-client.js';
import { OdooCallError, type OdooErrorCode } from '../../gateway/odoo/client/odoo-errors.js';
import type { RetryEvent } from '../../gateway/odoo/client/retry-policy.js';
import { startOdooSimulator, type OdooSimulator } from '../../gateway/odoo/simulator/server.js';
import { ODOO_VERSIONS } from '../../gateway/odoo/simulator/versions.js';
import { createSecretStore } from '../../gateway/secrets/database-secret-store.js';
import { masterKeyOf } from '../../gateway/secrets/master-key.js';
import type { Pool } from '../../gateway/store/pool.js';
import { refusal } from '../helpers/refusal.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

// The client against the simulator over real sockets, once per series: the transport each series gets, the
// names each series uses, and what happens when Odoo drops answers, collides, goes down or says no.

function connectOptions(sim: OdooSimulator, extra: Partial<ConnectOdooOptions> = {}): ConnectOdooOptions {
  const { database, login, apiKey } = sim.credentials;
  return { url: sim.url, database, login, apiKey, name: `odoo-${sim.version}`, retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...extra };
}

async function refusedWith(code: OdooErrorCode, work: Promise<unknown>): Promise<OdooCallError> {
  const error = await refusal(work);
  expect(error).toBeInstanceOf(OdooCallError);
  expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.any(String) });
  return error as OdooCallError;
}

const confirm: WriteStep = {
  name: 'confirm',
  done: (order) => order.state === 'sale' || order.state === 'done',
  run: (client, id) => client.call('sale.order', 'action_confirm', [id]),
};

describe.each(ODOO_VERSIONS)('Odoo client on Odoo %i', (version) => {
  let sim: OdooSimulator;
  let odoo: OdooClient;
  const retries: RetryEvent[] = [];
  let sequence = 0;
  const unique = (prefix: string) => `${prefix}-${version}-${(sequence += 1)}`;

  beforeAll(async () => {
    sim = await startOdooSimulator({ version, loginCooldown: false });
    odoo = await connectOdoo(connectOptions(sim, { onRetry: (event) => retries.push(event) }));
  });
  afterEach(async () => {
    await sim.faults.clear();
    retries.length = 0;
  });
  afterAll(async () => {
    await sim.stop();
  });

  const customer = () => sim.data.ref('simulator.partner_acme');
  const orderValues = (ref: string) => ({
    partner_id: customer(),
    client_order_ref: ref,
    order_line: [[0, 0, { product_id: sim.data.ref('simulator.product_widget'), product_uom_qty: 2, product_uom_id: sim.data.ref('uom.product_uom_unit') }]],
  });
  const ensureOrder = (client: OdooClient, ref: string) =>
    ensureRecord(client, {
      model: 'sale.order',
      externalId: ediExternalId('acme', 'order', ref),
      reference: [
        ['client_order_ref', '=', ref],
        ['partner_id', '=', customer()],
      ],
      values: orderValues(ref),
    });

  it('reads the server version and talks JSON-2 from 19, JSON-RPC before', async () => {
    expect(odoo.version).toEqual({ series: version, serverVersion: `${version}.0`, transport: version >= 19 ? 'json-2' : 'json-rpc' });
    expect(odoo.uid).toBe(sim.credentials.uid);

    if (version >= 19) {
      const overJsonRpc = await connectOdoo(connectOptions(sim, { transport: 'json-rpc' }));
      expect(overJsonRpc.version.transport).toBe('json-rpc');
      expect(await overJsonRpc.search('res.partner', [['ref', '=', 'ACME']])).toEqual([customer()]);
    } else {
      const refused = await refusedWith('ODOO_VERSION_UNSUPPORTED', connectOdoo(connectOptions(sim, { transport: 'json-2' })));
      expect(refused.message).toBe(`JSON-2 comes with Odoo 19; the server runs Odoo ${version}.0: connect over JSON-RPC (transport auto or json-rpc)`);
    }
  });

  it('refuses a wrong API key, and a key revoked while connected, without trying again', async () => {
    const wrong = await refusedWith('ODOO_LOGIN_REFUSED', connectOdoo(connectOptions(sim, { apiKey: 'not-the-key', onRetry: (event) => retries.push(event) })));
    expect(wrong.message).toContain(version >= 19 ? 'the API key is wrong, expired or revoked' : `Odoo refused the login of "${sim.credentials.login}"`);

    const key = randomBytes(20).toString('hex');
    sim.addApiKey(key);
    const client = await connectOdoo(connectOptions(sim, { apiKey: key, onRetry: (event) => retries.push(event) }));
    expect(await client.search('res.partner', [['ref', '=', 'ACME']])).toEqual([customer()]);
    sim.revokeApiKey(key);
    const revoked = await refusedWith('ODOO_LOGIN_REFUSED', client.search('res.partner', [['ref', '=', 'ACME']]));
    expect(revoked.message).toMatch(/^Odoo refused the gateway's login when asked to read res\.partner: /);
    expect(retries).toEqual([]);
  });

  it('creates, reads, searches and writes with the gateway names, whatever this series calls the fields', async () => {
    const ref = unique('PO');
    const tax = sim.data.ref('account.1_sale_tax_15');
    const orderId = await odoo.create('sale.order', {
      ...orderValues(ref),
      order_line: [[0, 0, { product_id: sim.data.ref('simulator.product_widget'), product_uom_qty: 3, product_uom_id: sim.data.ref('uom.product_uom_dozen'), tax_ids: [[6, 0, [tax]]] }]],
    });
    expect(await odoo.search('sale.order', [['client_order_ref', '=', ref]])).toEqual([orderId]);

    const [order] = await odoo.searchRead('sale.order', [['order_line.product_uom_id', '=', sim.data.ref('uom.product_uom_dozen')], ['id', '=', orderId]], {
      fields: ['name', 'state', 'order_line'],
    });
    expect(order).toMatchObject({ id: orderId, name: expect.stringMatching(/^S\d{5}$/), state: 'draft' });
    const [line] = await odoo.read('sale.order.line', order!.order_line as number[], { fields: ['product_uom_qty', 'product_uom_id', 'tax_ids'] });
    expect(line).toEqual({ id: expect.any(Number), product_uom_qty: 3, product_uom_id: [sim.data.ref('uom.product_uom_dozen'), 'Dozens'], tax_ids: [tax] });
    // What Odoo itself stored, under its own names for this series.
    const [uomField, taxField] = version >= 19 ? ['product_uom_id', 'tax_ids'] : ['product_uom', 'tax_id'];
    expect(sim.data.read('sale.order.line', line!.id, [uomField, taxField])[0]).toMatchObject({ [uomField]: [sim.data.ref('uom.product_uom_dozen'), 'Dozens'], [taxField]: [tax] });

    await odoo.write('sale.order.line', [line!.id], { product_uom_id: sim.data.ref('uom.product_uom_unit') });
    expect((await odoo.read('sale.order.line', [line!.id], { fields: ['product_uom_id'] }))[0]!.product_uom_id).toEqual([sim.data.ref('uom.product_uom_unit'), 'Units']);
    expect(await odoo.searchRead('sale.order.line', [['order_id', '=', orderId]], { fields: ['product_uom_id'], order: 'product_uom_id desc, id' })).toHaveLength(1);

    const found = await odoo.call<[number, string][]>('res.partner', 'name_search', null, { name: 'ACME', domain: [['is_company', '=', true]], limit: 5 });
    expect(found).toEqual([[customer(), 'ACME Retail']]);
    expect(await odoo.read('res.partner', [])).toEqual([]);
    expect(await odoo.read('res.partner', [99_999])).toEqual([]);
  });

  it('refuses, before sending, a name from another series or an old name', async () => {
    const oldName = await refusedWith('ODOO_REQUEST_INVALID', odoo.searchRead('sale.order.line', [], { fields: ['product_uom'] }));
    expect(oldName.message).toBe("sale.order.line.product_uom is Odoo's old name of product_uom_id; the gateway names it product_uom_id for every Odoo version");
    await refusedWith('ODOO_REQUEST_INVALID', odoo.search('stock.quant.package', []));
    expect(await odoo.search('stock.package', [])).toEqual([]);

    if (version >= 19) {
      const gone = await refusedWith('ODOO_REQUEST_INVALID', odoo.create('res.partner', { name: unique('Mobile'), mobile: '555' }));
      expect(gone.message).toBe('The field res.partner.mobile does not exist in Odoo 19: Odoo 18 was the last to have it');
    } else {
      const id = await odoo.create('res.partner', { name: unique('Mobile'), mobile: '555' });
      expect((await odoo.read('res.partner', [id], { fields: ['mobile'] }))[0]!.mobile).toBe('555');
    }
    if (version === 16) {
      const notYet = await refusedWith('ODOO_REQUEST_INVALID', odoo.searchRead('stock.move', [['picked', '=', true]]));
      expect(notYet.message).toBe('The field stock.move.picked does not exist in Odoo 16: it comes with Odoo 17');
    } else {
      expect(await odoo.search('stock.move', [['picked', '=', true]])).toEqual(expect.any(Array));
    }
  });

  it('creates each order once when Odoo saves it and then drops one answer in ten', async () => {
    sim.faults.dropResponseAfterCommit({ model: ['sale.order', 'ir.model.data'], method: 'create', fraction: 0.1, times: Infinity, seed: version });
    const refs = Array.from({ length: 50 }, () => unique('DROP'));
    const first = [];
    for (const ref of refs) first.push(await ensureOrder(odoo, ref));
    expect(sim.faults.stats().droppedResponses).toBeGreaterThanOrEqual(3);
    expect(first.every((result) => result.created && result.externalIdRegistered)).toBe(true);

    for (const ref of refs) expect(sim.data.search('sale.order', [['client_order_ref', '=', ref]])).toHaveLength(1);
    const names = refs.map((ref) => ediExternalId('acme', 'order', ref).name);
    expect(sim.data.search('ir.model.data', [['module', '=', 'edi_gateway'], ['name', 'in', names]])).toHaveLength(50);

    const again = [];
    for (const ref of refs) again.push(await ensureOrder(odoo, ref));
    expect(again).toEqual(first.map(({ id }) => ({ id, created: false, externalIdRegistered: true })));
    expect(sim.data.search('sale.order', [['client_order_ref', 'in', refs]])).toHaveLength(50);
  });

  it('finds by its reference an order whose external identifier was never registered, and registers it', async () => {
    const ref = unique('ORPHAN');
    const id = await odoo.create('sale.order', orderValues(ref));
    expect(await ensureOrder(odoo, ref)).toEqual({ id, created: false, externalIdRegistered: true });

    const unregistered = unique('NOXMLID');
    sim.setAccess('ir.model.data', { write: false, unlink: false, create: false });
    try {
      const made = await ensureOrder(odoo, unregistered);
      expect(made).toEqual({ id: expect.any(Number), created: true, externalIdRegistered: false });
      expect(await ensureOrder(odoo, unregistered)).toEqual({ ...made, created: false });
    } finally {
      sim.setAccess('ir.model.data', { write: false, unlink: false });
    }
  });

  it('refuses a reference matching two orders and an external identifier pointing elsewhere; makes again an order deleted in Odoo', async () => {
    const ref = unique('TWICE');
    await odoo.create('sale.order', orderValues(ref));
    await odoo.create('sale.order', orderValues(ref));
    const twice = await refusedWith('ODOO_RECORD_AMBIGUOUS', ensureOrder(odoo, ref));
    expect(twice.message).toMatch(/^More than one sale\.order record in Odoo \(\d+, \d+ \.\.\.\) matches /);

    const misplaced = unique('MISPLACED');
    const { name } = ediExternalId('acme', 'order', misplaced);
    sim.data.setXmlid(`edi_gateway.${name}`, 'res.partner', customer());
    const otherModel = await refusedWith('ODOO_EXTERNAL_ID_STALE', ensureOrder(odoo, misplaced));
    expect(otherModel.message).toBe(`The external identifier edi_gateway.${name} points at a res.partner record, not at a sale.order`);
    const dangling = unique('DANGLING');
    sim.data.setXmlid(`edi_gateway.${ediExternalId('acme', 'order', dangling).name}`, 'sale.order', 987_654);
    const gone = await refusedWith('ODOO_EXTERNAL_ID_STALE', ensureOrder(odoo, dangling));
    expect(gone.message).toMatch(/^sale\.order 987654, made in Odoo for edi_gateway\.acme_order_dangling_\w+, was deleted there; it is not made again without someone deciding to$/);

    // Deleting a record in Odoo deletes its external identifiers too: a replay then makes the order again.
    const deleted = unique('DELETED');
    const { id } = await ensureOrder(odoo, deleted);
    sim.data.unlink('sale.order', id);
    const remade = await ensureOrder(odoo, deleted);
    expect(remade).toEqual({ id: expect.any(Number), created: true, externalIdRegistered: true });
    expect(remade.id).not.toBe(id);
  });

  it('tries again after a serialization failure, and gives up after the policy with nothing saved', async () => {
    const name = unique('Collision');
    sim.faults.serializationFailure({ model: 'res.partner', method: 'create', times: 2 });
    const id = await odoo.create('res.partner', { name });
    expect(sim.faults.stats().serializationFailures).toBe(2);
    expect(retries.map((event) => event.error.code)).toEqual(['ODOO_CONCURRENT_UPDATE', 'ODOO_CONCURRENT_UPDATE']);
    expect(sim.data.search('res.partner', [['name', '=', name]])).toEqual([id]);

    retries.length = 0;
    const never = unique('Collision');
    sim.faults.serializationFailure({ model: 'res.partner', method: 'create', times: 10 });
    const failed = await refusedWith('ODOO_CONCURRENT_UPDATE', odoo.create('res.partner', { name: never }));
    expect(failed.message).toBe('Odoo could not create a res.partner record: another change to the same records was being saved at the same moment; nothing was saved');
    expect(failed.odoo?.name).toBe('psycopg2.errors.SerializationFailure');
    expect(retries).toHaveLength(3);
    expect(sim.data.search('res.partner', [['name', '=', never]])).toEqual([]);
  });

  it('opens the circuit while Odoo is down, probes after the cool-down, and closes once Odoo answers', async () => {
    const client = await connectOdoo(connectOptions(sim, { retry: { attempts: 1 }, circuit: { failureThreshold: 3, coolDownMs: 1000 } }));
    const probe = () => client.search('res.partner', [['ref', '=', 'ACME']]);
    await sim.faults.down('refused');
    // The first may meet a kept-alive connection the server just closed; the next find the port closed.
    const failures = [];
    for (let failure = 0; failure < 3; failure += 1) failures.push(await refusedWith('ODOO_UNAVAILABLE', probe()));
    expect(failures.at(-1)!.message).toBe('Could not reach Odoo to read res.partner: the connection was refused (Odoo is not running or not listening at this address)');
    expect(client.breaker.state).toBe('open');
    const open = await refusedWith('ODOO_CIRCUIT_OPEN', probe());
    expect(open.message).toMatch(new RegExp(`^Calls to Odoo \\(odoo-${version}\\) are paused after 3 failed in a row \\(the last: Could not reach Odoo .*\\); the next try is in 1 s$`));

    // A failed probe opens it again; a proxy answering 503 counts as Odoo down too.
    await sim.faults.up();
    await sim.faults.down('unavailable');
    await waitFor('the half-open breaker', () => client.breaker.state === 'half-open');
    const proxy = await refusedWith('ODOO_UNAVAILABLE', probe());
    expect(proxy.message).toBe('Odoo is unavailable (HTTP 503) and did not read res.partner');
    expect(client.breaker.state).toBe('open');

    await sim.faults.up();
    await waitFor('the half-open breaker', () => client.breaker.state === 'half-open');
    expect(await probe()).toEqual([customer()]);
    expect(client.breaker.state).toBe('closed');
  });

  it('fails to connect while Odoo is down, after trying again', async () => {
    await sim.faults.down('refused');
    const attempts: RetryEvent[] = [];
    await refusedWith('ODOO_UNAVAILABLE', connectOdoo(connectOptions(sim, { onRetry: (event) => attempts.push(event) })));
    expect(attempts).toHaveLength(3);
  });

  it('reports business refusals once, in plain words, without trying again', async () => {
    const orderId = await odoo.create('sale.order', orderValues(unique('CANCELLED')));
    await odoo.call('sale.order', 'action_cancel', [orderId]);
    const confirmCancelled = await refusedWith('ODOO_RECORD_REFUSED', odoo.call('sale.order', 'action_confirm', [orderId]));
    const reason = version <= 16 ? 'It is not allowed to confirm an order in the following states: done, cancel' : 'Some orders are not in a state requiring confirmation.';
    expect(confirmCancelled.message).toBe(`Odoo refused to run action_confirm on sale.order ${orderId}: ${reason}`);
    expect(confirmCancelled.odoo?.name).toBe('odoo.exceptions.UserError');

    const missing = await refusedWith('ODOO_RECORD_MISSING', odoo.write('sale.order', [999_999], { origin: 'x' }));
    expect(missing.message).toBe('Odoo refused to change sale.order 999999: sale.order 999999 does not exist or has been deleted');

    const noCustomer = await refusedWith('ODOO_RECORD_REFUSED', odoo.create('sale.order', { client_order_ref: unique('NOCUSTOMER') }));
    expect(noCustomer.message).toBe(
      version <= 17
        ? 'Odoo refused to create a sale.order record: a required value is missing: Customer (partner_id) of Sales Order (sale.order)'
        : "Odoo refused to create a sale.order record: Missing required value for the field 'Customer' (partner_id) on model 'Sales Order' (sale.order)",
    );

    const [xmlid] = sim.data.search('ir.model.data', [['module', '=', 'simulator']], { limit: 1 });
    const denied = await refusedWith('ODOO_ACCESS_DENIED', odoo.write('ir.model.data', [xmlid!], { noupdate: false }));
    expect(denied.message).toBe(`Odoo refused to change ir.model.data ${xmlid}: You are not allowed to modify 'Model Data' (ir.model.data) records.`);

    const unknownField = await refusedWith('ODOO_REQUEST_INVALID', odoo.call('res.partner', 'search_read', null, { domain: [], fields: ['no_such_field'] }));
    expect(unknownField.message).toBe("Odoo refused to read res.partner: Odoo has no field 'no_such_field' on res.partner");
    const unknownModel = await refusedWith('ODOO_REQUEST_INVALID', odoo.search('x.nothing', []));
    expect(unknownModel.message).toBe(version >= 19 ? "Odoo refused to read x.nothing: the model 'x.nothing' does not exist" : "Odoo refused to read x.nothing: Object x.nothing doesn't exist");

    expect(retries).toEqual([]);
  });

  it('resumes create-then-confirm where it stopped, never confirming twice', async () => {
    const flow = async (ref: string) => {
      const made = await ensureOrder(odoo, ref);
      return { ...made, ...(await resumeSteps(odoo, { model: 'sale.order', id: made.id, fields: ['state'], steps: [confirm] })) };
    };

    const stopped = unique('RESUME');
    sim.faults.serializationFailure({ model: 'sale.order', method: 'action_confirm', times: 10 });
    await refusedWith('ODOO_CONCURRENT_UPDATE', flow(stopped));
    const [orderId] = sim.data.search('sale.order', [['client_order_ref', '=', stopped]]);
    expect(sim.data.read('sale.order', orderId!, ['state'])[0]!.state).toBe('draft');
    await sim.faults.clear();
    expect(await flow(stopped)).toMatchObject({ id: orderId, created: false, ran: ['confirm'], skipped: [], record: { id: orderId, state: 'sale' } });
    expect(await flow(stopped)).toMatchObject({ id: orderId, created: false, ran: [], skipped: ['confirm'] });

    const lost = unique('LOSTCONFIRM');
    sim.faults.dropResponseAfterCommit({ model: 'sale.order', method: 'action_confirm' });
    const first = await flow(lost);
    expect(sim.faults.stats().droppedResponses).toBeGreaterThanOrEqual(1);
    expect(first).toMatchObject({ created: true, ran: ['confirm'], record: { state: 'sale' } });
    expect(await flow(lost)).toMatchObject({ id: first.id, created: false, ran: [], skipped: ['confirm'] });
    expect(sim.data.search('sale.order', [['client_order_ref', '=', lost]])).toEqual([first.id]);
    expect(sim.data.search('stock.picking', [['sale_id', '=', first.id]])).toHaveLength(1);
  });

  it('does not send a create again after a time-out, and finds it on the next try', async () => {
    const client = await connectOdoo(connectOptions(sim, { timeoutMs: 150, circuit: { failureThreshold: 10 }, onRetry: (event) => retries.push(event) }));
    sim.faults.slow(400);
    const slowRead = await refusedWith('ODOO_UNAVAILABLE', client.search('res.partner', []));
    expect(slowRead.message).toBe('Odoo did not answer within 150 ms when asked to read res.partner; it may or may not have been done');
    // The read's own retries: on a loaded machine, asking the version can outlast 150 ms too, and be retried.
    expect(retries.filter((event) => event.error.message.includes('asked to read res.partner'))).toHaveLength(3);
    sim.faults.slow(0);

    // Only the create is slow: Odoo is still saving the order when the gateway gives up and looks for it.
    retries.length = 0;
    const slowCreates: OdooClient = {
      ...client,
      create: async (model, values, options) => {
        sim.faults.slow(1500);
        try {
          return await client.create(model, values, options);
        } finally {
          sim.faults.slow(0);
        }
      },
    };
    const ref = unique('SLOW');
    const unknown = await refusedWith('ODOO_OUTCOME_UNKNOWN', ensureOrder(slowCreates, ref));
    expect(unknown.message).toBe(
      'Odoo did not answer within 150 ms when asked to create a sale.order record; it may or may not have been done, so it is not sent again before the gateway has checked whether it was',
    );
    expect(retries).toEqual([]);
    const saved = await waitFor('the slow order', () => sim.data.search('sale.order', [['client_order_ref', '=', ref]])[0]);
    expect(await ensureOrder(client, ref)).toEqual({ id: saved, created: false, externalIdRegistered: true });
    expect(sim.data.search('sale.order', [['client_order_ref', '=', ref]])).toEqual([saved]);
  });
});

describe('Odoo API key in the secret store', () => {
  let pool: Pool;
  let sim: OdooSimulator;
  const secrets = createSecretStore(masterKeyOf(randomBytes(32)));
  beforeAll(async () => {
    ({ pool } = await createTestDatabase());
    sim = await startOdooSimulator({ version: 19, loginCooldown: false });
  });
  afterAll(async () => {
    await sim.stop();
    await pool.end();
  });

  it('connects with the key stored under odoo/<connection>/api-key, and names the secret when it is missing', async () => {
    await secrets.put(pool, { name: 'odoo/main/api-key', kind: 'password', value: Buffer.from(`${sim.credentials.apiKey}\n`) });
    const apiKey = await loadOdooApiKey(pool, secrets, 'main');
    expect(apiKey).toBe(sim.credentials.apiKey);
    const odoo = await connectOdoo({ url: sim.url, database: sim.credentials.database, login: sim.credentials.login, apiKey });
    expect(odoo.version.transport).toBe('json-2');

    const missing = await refusal(loadOdooApiKey(pool, secrets, 'other'));
    expect({ code: missing.code, message: missing.message }).toEqual({
      code: 'SECRET_NOT_FOUND',
      message: 'There is no secret named "odoo/other/api-key"; store it with: edi-gateway secret set odoo/other/api-key --kind KIND --file FILE.',
    });
    expect((await refusal(loadOdooApiKey(pool, secrets, '../etc'))).code).toBe('CONFIG_INVALID');
  });
});
