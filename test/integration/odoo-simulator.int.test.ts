import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startOdooSimulator, type OdooSimulator, type OdooSimulatorOptions } from '../../gateway/odoo/simulator/server.js';
import { ODOO_VERSIONS, type OdooVersion } from '../../gateway/odoo/simulator/versions.js';
import { call, executeKw, json2, jsonRpc, refused, type OdooErrorData } from '../helpers/odoo-simulator.js';
import { waitFor } from '../helpers/wait-for.js';

// Every test talks to the simulator the way the gateway will: fetch over a real socket. One simulator per
// series is shared; tests that break one (faults, the login throttle, the clock) start their own.

const shared = new Map<OdooVersion, OdooSimulator>();
const odoo = (version: OdooVersion): OdooSimulator => shared.get(version)!;
const own: OdooSimulator[] = [];

async function fresh(options: OdooSimulatorOptions = {}): Promise<OdooSimulator> {
  const sim = await startOdooSimulator({ version: 17, loginCooldown: false, ...options });
  own.push(sim);
  return sim;
}

beforeAll(async () => {
  for (const version of ODOO_VERSIONS) shared.set(version, await startOdooSimulator({ version, loginCooldown: false }));
});
afterAll(async () => {
  for (const sim of [...shared.values(), ...own]) await sim.stop();
});

let orderCount = 0;
/** A quotation for the demo customer over execute_kw: [external id of product, quantity] per line. */
async function quotation(sim: OdooSimulator, lines: readonly [string, number][], extra: Record<string, unknown> = {}): Promise<number> {
  orderCount += 1;
  const orderLine = lines.map(([product, quantity]) => [0, 0, { product_id: sim.data.ref(product), product_uom_qty: quantity }]);
  return call<number>(sim, 'sale.order', 'create', [{ partner_id: sim.data.ref('simulator.partner_acme'), client_order_ref: `PO-${orderCount}`, order_line: orderLine, ...extra }]);
}

async function confirmedDelivery(sim: OdooSimulator, lines: readonly [string, number][]): Promise<{ order: number; picking: number }> {
  const order = await quotation(sim, lines);
  await call(sim, 'sale.order', 'action_confirm', [[order]]);
  const [picking] = sim.data.search('stock.picking', [['sale_id', '=', order]]);
  return { order, picking: picking! };
}

async function post(sim: OdooSimulator, body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${sim.url}/jsonrpc`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

describe('JSON-RPC /jsonrpc', () => {
  it('answers common.version for each series and edition', async () => {
    for (const version of ODOO_VERSIONS) {
      const { result } = await jsonRpc(odoo(version), 'common', 'version', []);
      expect(result).toEqual({ server_version: `${version}.0`, server_version_info: [version, 0, 0, 'final', 0, ''], server_serie: `${version}.0`, protocol_version: 1 });
    }
    const online = await fresh({ version: 18, edition: 'online', demoData: false });
    const enterprise = await fresh({ version: 17, edition: 'enterprise', demoData: false });
    expect(((await jsonRpc(online, 'common', 'version', [])).result as { server_version_info: unknown[] }).server_version_info[0]).toBe('saas~18');
    expect((await jsonRpc(enterprise, 'common', 'version', [])).result).toMatchObject({ server_version: '17.0+e', server_version_info: [17, 0, 0, 'final', 0, 'e'] });
  });

  it('logs in with the password or an API key, and answers false (not an error) for bad credentials', async () => {
    const sim = odoo(17);
    const { database, login, password, apiKey, uid } = sim.credentials;
    expect((await jsonRpc(sim, 'common', 'login', [database, login, password])).result).toBe(uid);
    expect((await jsonRpc(sim, 'common', 'authenticate', [database, login, apiKey, {}])).result).toBe(uid);
    const wrong = await jsonRpc(sim, 'common', 'login', [database, login, 'not-the-password']);
    expect(wrong).toEqual({ jsonrpc: '2.0', id: 1, result: false });
    expect((await jsonRpc(sim, 'common', 'login', ['nodb', login, password])).error?.data.name).toBe('psycopg2.OperationalError');
  });

  it('refuses object calls with a bad password as AccessDenied in the error envelope, HTTP 200', async () => {
    const sim = odoo(17);
    const { database, uid } = sim.credentials;
    const response = await post(sim, JSON.stringify({ jsonrpc: '2.0', id: 'req-7', params: { service: 'object', method: 'execute_kw', args: [database, uid, 'wrong', 'res.partner', 'search', [[]]] } }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: unknown; error: { code: number; message: string; data: OdooErrorData } };
    expect(body.id).toBe('req-7');
    expect(body.error).toMatchObject({ code: 200, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.AccessDenied', message: 'Access Denied', arguments: ['Access Denied'], context: {} } });
    expect(body.error.data.debug).toContain('Traceback');
    const keyed = await jsonRpc(sim, 'object', 'execute_kw', [database, uid, sim.credentials.apiKey, 'res.partner', 'search_count', [[]]]);
    expect(typeof keyed.result).toBe('number');
  });

  it('runs object.execute with positional arguments only', async () => {
    const sim = odoo(17);
    const { database, uid, password } = sim.credentials;
    expect((await jsonRpc(sim, 'object', 'execute', [database, uid, password, 'res.partner', 'search_count', [['ref', '=', 'ACME']]])).result).toBe(1);
  });

  it('leaves result out when the method returns None, and echoes any id', async () => {
    const sim = odoo(17);
    const order = await quotation(sim, [['simulator.product_widget', 1]]);
    await call(sim, 'sale.order', 'action_confirm', [[order]]);
    const { database, uid, password } = sim.credentials;
    const envelope = await jsonRpc(sim, 'object', 'execute_kw', [database, uid, password, 'sale.order', 'action_lock', [[order]]], null);
    expect(envelope).toEqual({ jsonrpc: '2.0', id: null });
  });

  it('answers unparsable bodies with HTTP 400 in plain text, outside the envelope', async () => {
    const sim = odoo(17);
    const broken = await post(sim, '{"jsonrpc": "2.0",');
    expect([broken.status, await broken.text()]).toEqual([400, 'Invalid JSON data']);
    const notObject = await post(sim, '[1, 2]');
    expect([notObject.status, await notObject.text()]).toEqual([400, 'Invalid JSON-RPC data']);
    const plain = await post(sim, '{}', 'text/plain');
    expect(plain.status).toBe(400);
    expect(plain.headers.get('content-type')).toContain('text/html');
  });

  it('accepts application/json-rpc from 17 on only', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, params: { service: 'common', method: 'version', args: [] } });
    expect((await post(odoo(17), body, 'application/json-rpc')).status).toBe(200);
    expect((await post(odoo(16), body, 'application/json-rpc')).status).toBe(400);
  });

  it('names unknown services and functions with the Python error Odoo raises', async () => {
    const sim = odoo(17);
    expect((await jsonRpc(sim, 'nothing', 'version', [])).error?.data.name).toBe('builtins.KeyError');
    expect((await jsonRpc(sim, 'object', 'run', [])).error?.data).toMatchObject({ name: 'builtins.NameError', message: 'Method not available run' });
    expect((await jsonRpc(sim, 'db', 'list', [])).error?.data.name).toBe('odoo.exceptions.AccessDenied');
  });

  it('throttles logins after repeated failures from one address until the cooldown is over', async () => {
    let now = Date.parse('2025-03-01T10:00:00Z');
    const sim = await fresh({ loginCooldown: { after: 3, seconds: 60 }, clock: () => new Date(now), demoData: false });
    const { database, login, password, uid } = sim.credentials;
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await jsonRpc(sim, 'common', 'login', [database, login, 'bad'])).result).toBe(false);
    expect((await jsonRpc(sim, 'common', 'login', [database, login, password])).result).toBe(false);
    const blocked = await jsonRpc(sim, 'object', 'execute_kw', [database, uid, password, 'res.partner', 'search_count', [[]]]);
    expect(blocked.error?.data).toMatchObject({ name: 'odoo.exceptions.AccessDenied', message: 'Too many login failures, please wait a bit before trying again.' });
    now += 61_000;
    expect((await jsonRpc(sim, 'common', 'login', [database, login, password])).result).toBe(uid);
  });
});

describe('ORM methods over execute_kw', () => {
  it('creates one record as an int and a list of records as a list', async () => {
    const sim = odoo(17);
    const one = await call(sim, 'res.partner', 'create', [{ name: 'Single' }]);
    const many = await call(sim, 'res.partner', 'create', [[{ name: 'First' }, { name: 'Second' }]]);
    expect(typeof one).toBe('number');
    expect(many).toEqual([expect.any(Number), expect.any(Number)]);
  });

  it('fails create with vals_list only as a keyword after the work, committing nothing and leaving an id gap', async () => {
    const sim = odoo(17);
    const before = await call<number>(sim, 'res.partner', 'search_count', [[['name', '=', 'Keyword Only']]]);
    const error = await refused(sim, 'res.partner', 'create', [], { vals_list: { name: 'Keyword Only' } });
    expect(error).toMatchObject({ name: 'builtins.IndexError', message: 'tuple index out of range' });
    expect(await call(sim, 'res.partner', 'search_count', [[['name', '=', 'Keyword Only']]])).toBe(before);
    const last = Math.max(...sim.data.search('res.partner', [], { activeTest: false }));
    const next = await call<number>(sim, 'res.partner', 'create', [{ name: 'After the gap' }]);
    expect(next).toBeGreaterThan(last + 1);
  });

  it('refuses unknown fields, models, methods and private methods with the exception of each', async () => {
    const sim = odoo(17);
    expect(await refused(sim, 'res.partner', 'create', [{ name: 'X', colour: 'red' }])).toMatchObject({ name: 'builtins.ValueError', message: "Invalid field 'colour' on model 'res.partner'" });
    expect(await refused(sim, 'res.partner', 'read', [[1], ['colour']])).toMatchObject({ name: 'builtins.ValueError', message: "Invalid field 'colour' on model 'res.partner'" });
    expect(await refused(sim, 'x.y', 'search', [[]])).toMatchObject({ name: 'odoo.exceptions.UserError', message: "Object x.y doesn't exist" });
    expect(await refused(sim, 'res.partner', 'fly', [[1]])).toMatchObject({ name: 'builtins.AttributeError', message: "The method 'fly' does not exist on the model 'res.partner'" });
    expect(await refused(odoo(19), 'res.partner', 'fly', [[1]])).toMatchObject({ name: 'builtins.AttributeError', message: "The method 'res.partner.fly' does not exist" });
    expect(await refused(sim, 'res.partner', '_compute_display_name', [[1]])).toMatchObject({
      name: 'odoo.exceptions.AccessError',
      message: "Private methods (such as 'res.partner._compute_display_name') cannot be called remotely.",
    });
  });

  it('refuses a missing required field and broken constraints as ValidationError, per series', async () => {
    const seventeen = await refused(odoo(17), 'sale.order', 'create', [{ client_order_ref: 'NO-CUSTOMER' }]);
    expect(seventeen.name).toBe('odoo.exceptions.ValidationError');
    expect(seventeen.message).toMatch(/^The operation cannot be completed:/);
    expect(seventeen.message).toContain('a mandatory field is not set');
    expect(seventeen.message).toContain('Field: Customer (partner_id)');
    const nineteen = await refused(odoo(19), 'sale.order', 'create', [{ client_order_ref: 'NO-CUSTOMER' }]);
    expect(nineteen.message).toContain("Missing required value for the field 'Customer' (partner_id)");
    expect(await refused(odoo(17), 'res.partner', 'create', [{ email: 'nameless@example.com' }])).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message: 'The operation cannot be completed: Contacts require a name',
    });
    const acme = odoo(17).data.ref('simulator.partner_acme');
    const address = await call<number>(odoo(17), 'res.partner', 'create', [{ parent_id: acme, type: 'delivery' }]);
    expect((await call<{ display_name: string }[]>(odoo(17), 'res.partner', 'read', [[address], ['display_name']]))[0]!.display_name).toBe('ACME Retail, Delivery Address');
    const barcode = await refused(odoo(17), 'product.product', 'create', [{ name: 'Copy', barcode: '012345678905' }]);
    expect(barcode.name).toBe('odoo.exceptions.ValidationError');
  });

  it('drops unknown ids from read, and raises MissingError on write', async () => {
    const sim = odoo(17);
    const acme = sim.data.ref('simulator.partner_acme');
    expect(await call(sim, 'res.partner', 'read', [[acme, 999_999], ['ref']])).toEqual([{ id: acme, ref: 'ACME' }]);
    const error = await refused(sim, 'res.partner', 'write', [[999_999], { ref: 'X' }]);
    expect(error.name).toBe('odoo.exceptions.MissingError');
    expect(error.message).toContain('Record does not exist or has been deleted.');
    expect(error.message).toContain('res.partner(999999,)');
    expect((await refused(sim, 'sale.order', 'action_confirm', [[999_999]])).name).toBe('odoo.exceptions.MissingError');
  });

  it('reads many2one as [id, name], bare ids with load None, empty values as false', async () => {
    const sim = odoo(17);
    const child = sim.data.ref('simulator.partner_acme_dc');
    const acme = sim.data.ref('simulator.partner_acme');
    const [classic] = await call<Record<string, unknown>[]>(sim, 'res.partner', 'read', [[child], ['parent_id', 'mobile', 'child_ids', 'is_company']]);
    expect(classic).toEqual({ id: child, parent_id: [acme, 'ACME Retail'], mobile: false, child_ids: [], is_company: false });
    const [bare] = await call<Record<string, unknown>[]>(sim, 'res.partner', 'read', [[child], ['parent_id']], { load: null });
    expect(bare!.parent_id).toBe(acme);
  });

  it('binds arguments as Python does and names what is wrong', async () => {
    const sim = odoo(17);
    expect((await refused(sim, 'res.partner', 'search', [[]], { colour: 1 })).message).toBe("search() got an unexpected keyword argument 'colour'");
    expect((await refused(sim, 'res.partner', 'search', [])).message).toBe("search() missing 1 required positional argument: 'domain'");
    expect((await refused(sim, 'res.partner', 'search', [[]], { domain: [] })).message).toBe("search() got multiple values for argument 'domain'");
    expect(await call(sim, 'res.partner', 'search', [[['ref', '=', 'ACME']], 0, 1, 'id desc'])).toEqual([sim.data.ref('simulator.partner_acme')]);
    expect(await call(odoo(16), 'res.partner', 'search', [[['ref', '=', 'ACME']]], { count: true })).toBe(1);
    expect((await refused(sim, 'res.partner', 'search', [[]], { count: true })).message).toBe("search() got an unexpected keyword argument 'count'");
  });

  it('pages and orders searches, and counts with a limit', async () => {
    const sim = odoo(17);
    const codes = await call<{ default_code: string }[]>(sim, 'product.product', 'search_read', [[['default_code', '!=', false]]], { fields: ['default_code'], order: 'default_code desc', offset: 1, limit: 2 });
    expect(codes.map((row) => row.default_code)).toEqual(['TAPE', 'SHIP']);
    expect(await call(sim, 'product.product', 'search_count', [[]], { limit: 2 })).toBe(2);
    expect((await refused(sim, 'product.product', 'search', [[]], { order: 'default_code; drop table' })).message).toMatch(/^Invalid "order" specified/);
  });

  it('takes name_search filters as args up to 17 and as domain from 18', async () => {
    const widget = odoo(17).data.ref('simulator.product_widget');
    expect(await call(odoo(17), 'product.product', 'name_search', ['WIDGET'], { args: [['sale_ok', '=', true]] })).toEqual([[widget, '[WIDGET-1] Widget']]);
    expect((await refused(odoo(17), 'product.product', 'name_search', ['WIDGET'], { domain: [] })).message).toBe("name_search() got an unexpected keyword argument 'domain'");
    expect(await call(odoo(18), 'product.product', 'name_search', ['widget'], { domain: [] })).toEqual([[odoo(18).data.ref('simulator.product_widget'), '[WIDGET-1] Widget']]);
    expect((await refused(odoo(18), 'product.product', 'name_search', ['widget'], { args: [] })).name).toBe('builtins.TypeError');
  });

  it('takes datetimes as UTC text, a bare date as midnight, and refuses ISO T/Z forms', async () => {
    const sim = odoo(17);
    const order = await quotation(sim, [['simulator.product_widget', 1]], { commitment_date: '2025-06-30' });
    expect((await call<{ commitment_date: string }[]>(sim, 'sale.order', 'read', [[order], ['commitment_date']]))[0]!.commitment_date).toBe('2025-06-30 00:00:00');
    const iso = await refused(sim, 'sale.order', 'write', [[order], { commitment_date: '2025-06-30T10:00:00Z' }]);
    expect(iso).toMatchObject({ name: 'builtins.ValueError', message: "time data '2025-06-30T10:00:00' does not match format '%Y-%m-%d %H:%M:%S'" });
  });

  it('keeps external ids in ir.model.data: readable and creatable, unique, not writable by the integration user', async () => {
    const sim = odoo(17);
    const found = await call(sim, 'ir.model.data', 'search_read', [[['module', '=', 'simulator'], ['name', '=', 'product_widget']]], { fields: ['model', 'res_id', 'complete_name'] });
    expect(found).toEqual([expect.objectContaining({ model: 'product.product', res_id: sim.data.ref('simulator.product_widget'), complete_name: 'simulator.product_widget' })]);
    const order = await quotation(sim, [['simulator.product_widget', 1]]);
    const xmlid = await call<number>(sim, 'ir.model.data', 'create', [{ module: 'edi_gw', name: '850_ACME_4711', model: 'sale.order', res_id: order }]);
    expect(await call(sim, 'sale.order', 'get_external_id', [[order]])).toEqual({ [order]: 'edi_gw.850_ACME_4711' });
    const clash = await refused(sim, 'ir.model.data', 'create', [{ module: 'edi_gw', name: '850_ACME_4711', model: 'sale.order', res_id: order }]);
    expect(clash.message).toMatch(/^The operation cannot be completed:/);
    const denied = await refused(sim, 'ir.model.data', 'write', [[xmlid], { res_id: 1 }]);
    expect(denied.name).toBe('odoo.exceptions.AccessError');
    expect(denied.message).toContain("'Model Data' (ir.model.data)");
  });

  it('applies a per-model ACL set while running', async () => {
    const sim = await fresh();
    sim.setAccess('account.move', { read: false, create: false });
    expect((await refused(sim, 'account.move', 'search', [[]])).name).toBe('odoo.exceptions.AccessError');
    sim.setAccess('account.move', {});
    expect(await call(sim, 'account.move', 'search', [[]])).toEqual([]);
  });

  it('posts chatter messages: escaped text, an int up to 18 and a list in 19', async () => {
    const sim17 = odoo(17);
    const order = await quotation(sim17, [['simulator.product_widget', 1]]);
    const id = await call<number>(sim17, 'sale.order', 'message_post', [[order]], { body: '<b>ASN</b> received', message_type: 'comment', subtype_xmlid: 'mail.mt_note' });
    expect(typeof id).toBe('number');
    const [message] = sim17.data.read('mail.message', id, ['body', 'model', 'res_id', 'subtype_id']);
    expect(message).toMatchObject({ body: '&lt;b&gt;ASN&lt;/b&gt; received', model: 'sale.order', res_id: order, subtype_id: [sim17.data.ref('mail.mt_note'), 'Note'] });
    expect((await refused(sim17, 'sale.order', 'message_post', [[order], 'positional'])).name).toBe('builtins.TypeError');
    const sim19 = odoo(19);
    const order19 = await quotation(sim19, [['simulator.product_widget', 1]]);
    expect(await call(sim19, 'sale.order', 'message_post', [[order19]], { body: '<p>ok</p>', body_is_html: true })).toEqual([expect.any(Number)]);
  });
});

describe('domains', () => {
  const sim = () => odoo(17);
  const search = (model: string, domain: unknown[], kwargs?: Record<string, unknown>) => call<number[]>(sim(), model, 'search', [domain], kwargs);
  const ref = (xmlid: string) => sim().data.ref(xmlid);

  it('combines conditions with prefix |, & and !', async () => {
    expect(await search('product.product', ['|', ['default_code', '=', 'WIDGET-1'], ['default_code', '=', 'GADGET-2']])).toEqual(
      expect.arrayContaining([ref('simulator.product_widget'), ref('simulator.product_gadget')]),
    );
    expect(await search('product.product', ['&', ['type', '!=', 'service'], '!', ['barcode', '=', false], ['default_code', 'like', '-']])).toHaveLength(3);
    expect((await refused(sim(), 'res.partner', 'search', [['&', ['name', '=', 'x']]])).name).toBe('builtins.ValueError');
  });

  it('follows dotted paths through many2one and one2many fields', async () => {
    const acme = ref('simulator.partner_acme');
    expect(await search('res.partner', [['parent_id.ref', '=', 'ACME']])).toEqual(expect.arrayContaining([ref('simulator.partner_acme_dc'), ref('simulator.partner_acme_ap')]));
    const order = await quotation(sim(), [['simulator.product_gadget', 2]], { client_order_ref: 'DOMAIN-PATH' });
    expect(await search('sale.order', [['order_line.product_id.default_code', '=', 'GADGET-2'], ['partner_id', '=', acme], ['client_order_ref', '=', 'DOMAIN-PATH']])).toEqual([order]);
    expect(await search('sale.order', [['partner_id', 'ilike', 'acme retail'], ['client_order_ref', '=', 'DOMAIN-PATH']])).toEqual([order]);
  });

  it('matches like, ilike, =like, in, not in and =?, with false as NULL', async () => {
    expect(await search('product.product', [['name', 'ilike', 'WIDG']])).toEqual([ref('simulator.product_widget')]);
    expect(await search('product.product', [['name', 'like', 'widg']])).toEqual([]);
    expect(await search('product.product', [['default_code', '=like', 'G%-_']])).toEqual([ref('simulator.product_gadget')]);
    expect(await search('product.product', [['default_code', 'in', ['TAPE', 'SHIP']]])).toHaveLength(2);
    expect(await search('product.product', [['barcode', '=', false]])).toEqual(expect.arrayContaining([ref('simulator.product_tape'), ref('simulator.product_delivery')]));
    const notAcme = await search('res.partner', [['ref', 'not in', ['ACME']]]);
    expect(notAcme).toContain(ref('simulator.partner_acme_dc'));
    expect(notAcme).not.toContain(ref('simulator.partner_acme'));
    expect(await search('res.partner', [['ref', '=?', 'ACME']])).toEqual([ref('simulator.partner_acme')]);
    expect((await search('res.partner', [['ref', '=?', false]])).length).toBeGreaterThan(3);
  });

  it('finds a company with its contacts by child_of, and one contact’s ancestors by parent_of', async () => {
    const company = sim().data.create('res.partner', { name: 'Tree Co', is_company: true });
    const site = sim().data.create('res.partner', { name: 'Site', parent_id: company });
    const person = sim().data.create('res.partner', { name: 'Dock Clerk', parent_id: site });
    expect((await search('res.partner', [['id', 'child_of', company]])).sort()).toEqual([company, site, person].sort());
    expect((await search('res.partner', [['id', 'parent_of', person]])).sort()).toEqual([company, site, person].sort());
    expect(await search('res.partner', [['parent_id', 'child_of', site]])).toEqual([person]);
  });

  it('hides archived records unless active is in the domain or active_test is false', async () => {
    const archived = sim().data.create('res.partner', { name: 'Gone Retail', ref: 'GONE', active: false });
    expect(await search('res.partner', [['ref', '=', 'GONE']])).toEqual([]);
    expect(await search('res.partner', [['ref', '=', 'GONE']], { context: { active_test: false } })).toEqual([archived]);
    expect(await search('res.partner', [['ref', '=', 'GONE'], ['active', 'in', [true, false]]])).toEqual([archived]);
    expect(await call(sim(), 'res.partner', 'read', [[archived], ['active']])).toEqual([{ id: archived, active: false }]);
  });

  it('knows any / not any from 17, and refuses them in 16', async () => {
    const order = await quotation(sim(), [['simulator.product_tape', 3]], { client_order_ref: 'ANY-1' });
    expect(await search('sale.order', [['order_line', 'any', [['product_id.default_code', '=', 'TAPE']]], ['client_order_ref', '=', 'ANY-1']])).toEqual([order]);
    expect(await search('sale.order', [['order_line', 'not any', [['product_id.default_code', '=', 'TAPE']]], ['client_order_ref', '=', 'ANY-1']])).toEqual([]);
    const sixteen = await refused(odoo(16), 'sale.order', 'search', [[['order_line', 'any', []]]]);
    expect(sixteen).toMatchObject({ name: 'builtins.ValueError', message: "Invalid leaf ('order_line', 'any', [])" });
  });

  it('names an unknown field in a leaf up to 17 and in a condition from 18', async () => {
    expect((await refused(odoo(17), 'res.partner', 'search', [[['colour', '=', 'red']]])).message).toBe("Invalid field res.partner.colour in leaf ('colour', '=', 'red')");
    expect((await refused(odoo(18), 'res.partner', 'search', [[['colour', '=', 'red']]])).message).toBe("Invalid field res.partner.colour in condition ('colour', '=', 'red')");
  });
});

describe('x2many commands', () => {
  const sim = () => odoo(17);
  const lines = (order: number) => call<number[]>(sim(), 'sale.order.line', 'search', [[['order_id', '=', order]]]);

  it('creates, updates, deletes and adds one2many lines in one write', async () => {
    const order = await quotation(sim(), [
      ['simulator.product_widget', 1],
      ['simulator.product_gadget', 1],
    ]);
    const [first, second] = await lines(order);
    await call(sim(), 'sale.order', 'write', [[order], { order_line: [[1, first, { product_uom_qty: 7 }], [2, second, 0], [0, 0, { product_id: sim().data.ref('simulator.product_tape') }]] }]);
    const after = await call<{ id: number; product_uom_qty: number; name: string }[]>(sim(), 'sale.order.line', 'search_read', [[['order_id', '=', order]]], { fields: ['product_uom_qty', 'name'] });
    expect(after.map((line) => [line.id === first, line.product_uom_qty, line.name])).toEqual([
      [true, 7, '[WIDGET-1] Widget'],
      [false, 1, '[TAPE] Packing Tape'],
    ]);
    expect(await call(sim(), 'sale.order.line', 'search_count', [[['id', '=', second]]])).toBe(0);
  });

  it('unlinks a line whose many2one back is cascade (3) and clears all (5)', async () => {
    const order = await quotation(sim(), [
      ['simulator.product_widget', 1],
      ['simulator.product_gadget', 1],
    ]);
    const [first] = await lines(order);
    await call(sim(), 'sale.order', 'write', [[order], { order_line: [[3, first, 0]] }]);
    expect(await lines(order)).toHaveLength(1);
    expect(await call(sim(), 'sale.order.line', 'search_count', [[['id', '=', first]]])).toBe(0);
    await call(sim(), 'sale.order', 'write', [[order], { order_line: [[5, 0, 0]] }]);
    expect(await lines(order)).toEqual([]);
  });

  it('links, unlinks, replaces and clears many2many taxes', async () => {
    const order = await quotation(sim(), [['simulator.product_widget', 2]]);
    const [line] = await lines(order);
    const tax = sim().data.ref('account.1_sale_tax_15');
    const other = sim().data.create('account.tax', { name: '5%', amount: 5 });
    const taxes = async () => (await call<{ tax_id: number[] }[]>(sim(), 'sale.order.line', 'read', [[line], ['tax_id']]))[0]!.tax_id;
    await call(sim(), 'sale.order.line', 'write', [[line], { tax_id: [[4, tax, 0]] }]);
    expect(await taxes()).toEqual([tax]);
    expect((await call<{ amount_total: number }[]>(sim(), 'sale.order', 'read', [[order], ['amount_total']]))[0]!.amount_total).toBe(23);
    await call(sim(), 'sale.order.line', 'write', [[line], { tax_id: [[6, 0, [tax, other]]] }]);
    expect(await taxes()).toEqual([tax, other]);
    await call(sim(), 'sale.order.line', 'write', [[line], { tax_id: [[3, tax, 0]] }]);
    expect(await taxes()).toEqual([other]);
    await call(sim(), 'sale.order.line', 'write', [[line], { tax_id: [[5, 0, 0]] }]);
    expect(await taxes()).toEqual([]);
    expect(sim().data.search('account.tax', [['id', '=', other]])).toEqual([other]);
  });

  it('replaces one2many children with 6: the others lose their parent', async () => {
    const company = await call<number>(sim(), 'res.partner', 'create', [{ name: 'Parent Co', is_company: true, child_ids: [[0, 0, { name: 'Ann' }], [0, 0, { name: 'Bob' }]] }]);
    const [ann, bob] = (await call<{ child_ids: number[] }[]>(sim(), 'res.partner', 'read', [[company], ['child_ids']]))[0]!.child_ids.sort((a, b) => a - b);
    await call(sim(), 'res.partner', 'write', [[company], { child_ids: [[6, 0, [ann]]] }]);
    expect(await call(sim(), 'res.partner', 'read', [[bob], ['parent_id']])).toEqual([{ id: bob, parent_id: false }]);
  });

  it('refuses an unknown command and an id that does not exist', async () => {
    const order = await quotation(sim(), [['simulator.product_widget', 1]]);
    expect((await refused(sim(), 'sale.order', 'write', [[order], { order_line: [[9, 0, 0]] }])).name).toBe('builtins.ValueError');
    expect((await refused(sim(), 'sale.order.line', 'write', [[(await lines(order))[0]], { tax_id: [[4, 999_999, 0]] }])).message).toMatch(/^The operation cannot be completed:/);
  });
});

describe('JSON-2 /json/2 (19)', () => {
  const sim = () => odoo(19);

  it('answers named-parameter calls with the bare value, recordsets as id lists', async () => {
    const found = await json2(sim(), 'res.partner', 'search_read', { domain: [['ref', '=', 'ACME']], fields: ['name'], limit: 1, context: { lang: 'en_US' } });
    expect(found).toMatchObject({ status: 200, body: [{ id: sim().data.ref('simulator.partner_acme'), name: 'ACME Retail' }] });
    expect((await json2(sim(), 'res.partner', 'create', { vals_list: { name: 'Via JSON-2' } })).body).toEqual([expect.any(Number)]);
    expect((await json2(sim(), 'res.partner', 'create', { vals_list: [{ name: 'A' }, { name: 'B' }] })).body).toEqual([expect.any(Number), expect.any(Number)]);
    const bare = await json2(sim(), 'res.partner', 'read', { ids: [sim().data.ref('simulator.partner_acme_dc')], fields: ['parent_id'], load: null });
    expect((bare.body as { parent_id: unknown }[])[0]!.parent_id).toBe(sim().data.ref('simulator.partner_acme'));
    const order = await quotation(sim(), [['simulator.product_widget', 1]]);
    expect((await json2(sim(), 'sale.order', 'message_post', { ids: [order], body: 'hello' })).body).toEqual([expect.any(Number)]);
  });

  it('reads the bearer scheme in any case and refuses other keys with 401 Invalid apikey', async () => {
    const key = sim().credentials.apiKey;
    for (const scheme of ['Bearer', 'BEARER', 'bearer']) expect((await json2(sim(), 'res.partner', 'search_count', { domain: [] }, { authorization: `${scheme} ${key}` })).status).toBe(200);
    for (const authorization of [null, 'bearer wrong-key', `bearer ${sim().credentials.password}`, `Basic ${key}`]) {
      const answer = await json2(sim(), 'res.partner', 'search_count', { domain: [] }, { authorization });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('bearer');
      expect(answer.body).toMatchObject({ name: 'werkzeug.exceptions.Unauthorized', message: 'Invalid apikey', arguments: ['Invalid apikey', 401], context: {} });
    }
    sim().addApiKey('rotated-key');
    expect((await json2(sim(), 'res.partner', 'search_count', { domain: [] }, { authorization: 'bearer rotated-key' })).status).toBe(200);
    sim().revokeApiKey('rotated-key');
    expect((await json2(sim(), 'res.partner', 'search_count', { domain: [] }, { authorization: 'bearer rotated-key' })).status).toBe(401);
  });

  it('maps each failure to its status and a bare error object', async () => {
    const order = await quotation(sim(), [['simulator.product_widget', 1]]);
    await call(sim(), 'sale.order', 'action_cancel', [[order]]);
    const cases: [string, string, unknown, number, string][] = [
      ['x.y', 'search', { domain: [] }, 404, 'werkzeug.exceptions.NotFound'],
      ['res.partner', 'fly', {}, 404, 'werkzeug.exceptions.NotFound'],
      ['res.partner', '_compute_display_name', { ids: [1] }, 403, 'odoo.exceptions.AccessError'],
      ['res.partner', 'search', { ids: [1], domain: [] }, 422, 'werkzeug.exceptions.UnprocessableEntity'],
      ['res.partner', 'search', { domain: [], colour: 'red' }, 422, 'werkzeug.exceptions.UnprocessableEntity'],
      ['res.partner', 'search', {}, 422, 'werkzeug.exceptions.UnprocessableEntity'],
      ['sale.order', 'action_confirm', { ids: [order], context: {} }, 422, 'odoo.exceptions.UserError'],
      ['res.partner', 'create', { vals_list: { email: 'nameless@example.com' } }, 422, 'odoo.exceptions.ValidationError'],
      ['res.partner', 'write', { ids: [999_999], vals: { ref: 'X' } }, 404, 'odoo.exceptions.MissingError'],
      ['ir.model.data', 'unlink', { ids: [1] }, 403, 'odoo.exceptions.AccessError'],
      ['res.partner', 'search', { domain: [['colour', '=', 1]] }, 500, 'builtins.ValueError'],
    ];
    for (const [model, method, body, status, name] of cases) {
      const answer = await json2(sim(), model, method, body);
      expect([model, method, answer.status, (answer.body as { name: string }).name]).toEqual([model, method, status, name]);
      expect(answer.body).toEqual({ name, message: expect.any(String), arguments: expect.any(Array), context: {}, debug: expect.stringContaining(name) });
    }
    expect((await json2(sim(), 'x.y', 'search', { domain: [] })).body).toMatchObject({ message: "the model 'x.y' does not exist" });
    expect((await json2(sim(), 'res.partner', 'search', { ids: [1], domain: [] })).body).toMatchObject({ message: 'cannot call res.partner.search with ids' });
    expect((await json2(sim(), 'res.partner', 'search', { domain: [], colour: 'red' })).body).toMatchObject({ message: "search() got an unexpected keyword argument 'colour'" });
  });

  it('answers 400 for a body that is not a JSON object, 404 for other verbs and another database', async () => {
    expect(await json2(sim(), 'res.partner', 'search', null, { raw: '{"domain": [' })).toMatchObject({ status: 400, body: { name: 'werkzeug.exceptions.BadRequest' } });
    expect((await json2(sim(), 'res.partner', 'search', null, { raw: '[[]]' })).status).toBe(400);
    expect((await json2(sim(), 'res.partner', 'search', null, { httpMethod: 'GET' })).status).toBe(404);
    expect((await json2(sim(), 'res.partner', 'search', { domain: [] }, { headers: { 'x-odoo-database': 'other' } })).status).toBe(404);
    expect((await json2(sim(), 'res.partner', 'search', { domain: [] }, { headers: { 'x-odoo-database': sim().credentials.database } })).status).toBe(200);
  });

  it('does not exist before 19, nor does /web/version', async () => {
    const eighteen = await json2(odoo(18), 'res.partner', 'search', { domain: [] });
    expect(eighteen.status).toBe(404);
    expect((await fetch(`${odoo(18).url}/web/version`)).status).toBe(404);
    expect(await (await fetch(`${sim().url}/web/version`)).json()).toEqual({ version: '19.0', version_info: [19, 0, 0, 'final', 0, ''] });
  });
});

describe('field differences between 16, 17, 18 and 19', () => {
  // [model, field, the series that have it]
  const fields: [string, string, OdooVersion[]][] = [
    ['sale.order.line', 'product_uom', [16, 17, 18]],
    ['sale.order.line', 'product_uom_id', [19]],
    ['sale.order.line', 'tax_id', [16, 17, 18]],
    ['sale.order.line', 'tax_ids', [19]],
    ['sale.order', 'locked', [17, 18, 19]],
    ['sale.order', 'procurement_group_id', [16, 17, 18]],
    ['product.template', 'detailed_type', [16, 17]],
    ['product.product', 'is_storable', [18, 19]],
    ['product.template', 'uom_po_id', [16, 17, 18]],
    ['uom.uom', 'category_id', [16, 17, 18]],
    ['uom.uom', 'relative_uom_id', [19]],
    ['res.partner', 'mobile', [16, 17, 18]],
    ['res.partner', 'title', [16, 17, 18]],
    ['stock.move', 'quantity_done', [16]],
    ['stock.move', 'quantity', [17, 18, 19]],
    ['stock.move', 'picked', [17, 18, 19]],
    ['stock.move', 'name', [16, 17, 18]],
    ['stock.move.line', 'qty_done', [16]],
    ['stock.move.line', 'quantity', [17, 18, 19]],
    ['stock.picking', 'move_ids_without_package', [16, 17, 18]],
    ['stock.picking', 'group_id', [16, 17, 18]],
    ['account.move', 'delivery_date', [17, 18, 19]],
    ['account.move', 'reversal_move_id', [16, 17]],
    ['account.move', 'reversal_move_ids', [18, 19]],
    ['account.move', 'to_check', [16, 17]],
    ['account.move', 'checked', [18, 19]],
    ['purchase.order', 'notes', [16, 17, 18]],
    ['purchase.order', 'note', [19]],
    ['purchase.order', 'locked', [19]],
    ['purchase.order.line', 'taxes_id', [16, 17, 18]],
    ['purchase.order.line', 'discount', [17, 18, 19]],
  ];

  it.each(ODOO_VERSIONS)('exposes the fields of %i and refuses the others', async (version) => {
    for (const [model, field, present] of fields) {
      const described = await call<Record<string, unknown>>(odoo(version), model, 'fields_get', [], { allfields: [field], attributes: ['type'] });
      expect([model, field, field in described]).toEqual([model, field, present.includes(version)]);
      if (!present.includes(version)) {
        const error = await refused(odoo(version), model, 'search_read', [[]], { fields: [field], limit: 1 });
        expect(error).toMatchObject({ name: 'builtins.ValueError', message: `Invalid field '${field}' on model '${model}'` });
      }
    }
  });

  it.each(ODOO_VERSIONS)('offers the selection keys and models of %i', async (version) => {
    const keys = async (model: string, field: string) =>
      ((await call<Record<string, { selection: [string, string][] }>>(odoo(version), model, 'fields_get', [], { allfields: [field], attributes: ['selection'] }))[field]!.selection).map(([key]) => key);
    expect((await keys('sale.order', 'state')).includes('done')).toBe(version === 16);
    expect((await keys('res.partner', 'type')).includes('private')).toBe(version === 16);
    expect((await keys('product.template', 'type')).includes('combo')).toBe(version >= 18);
    expect((await keys('product.template', 'type')).includes('product')).toBe(version <= 17);
    expect((await keys('account.move', 'payment_state')).includes('blocked')).toBe(version >= 18);
    expect((await keys('purchase.order', 'state')).includes('done')).toBe(version <= 18);
    const packages = await executeKw(odoo(version), version >= 19 ? 'stock.quant.package' : 'stock.package', 'search', [[]]);
    expect(packages.error?.data.name).toBe('odoo.exceptions.UserError');
    expect((await executeKw(odoo(version), 'uom.category', 'search', [[]])).error === undefined).toBe(version <= 18);
  });

  it('stores sale lines with the unit field of the series, and refuses the other name', async () => {
    const unit = odoo(19).data.ref('uom.product_uom_unit');
    const order = await quotation(odoo(19), [['simulator.product_widget', 1]]);
    const [line] = odoo(19).data.search('sale.order.line', [['order_id', '=', order]]);
    expect((await call<{ product_uom_id: unknown }[]>(odoo(19), 'sale.order.line', 'read', [[line], ['product_uom_id']]))[0]!.product_uom_id).toEqual([unit, 'Units']);
    expect((await refused(odoo(19), 'sale.order.line', 'write', [[line], { product_uom: unit }])).message).toBe("Invalid field 'product_uom' on model 'sale.order.line'");
  });
});

describe('sale.order', () => {
  it('confirms a quotation into an order with its delivery picking', async () => {
    const sim = odoo(17);
    const order = await quotation(sim, [['simulator.product_widget', 3]]);
    const [draft] = await call<{ name: string; state: string; partner_shipping_id: unknown; partner_invoice_id: unknown }[]>(sim, 'sale.order', 'read', [
      [order],
      ['name', 'state', 'partner_shipping_id', 'partner_invoice_id'],
    ]);
    expect(draft).toMatchObject({ name: expect.stringMatching(/^S\d{5}$/), state: 'draft', partner_shipping_id: [sim.data.ref('simulator.partner_acme_dc'), 'ACME Retail, ACME Distribution Center'] });
    expect(await call(sim, 'sale.order', 'action_confirm', [[order]])).toBe(true);
    const [picking] = await call<Record<string, unknown>[]>(sim, 'stock.picking', 'search_read', [[['sale_id', '=', order]]], {
      fields: ['name', 'origin', 'state', 'picking_type_code', 'partner_id'],
    });
    expect(picking).toMatchObject({ name: expect.stringMatching(/^WH\/OUT\/\d{5}$/), origin: draft!.name, state: 'assigned', picking_type_code: 'outgoing' });
  });

  it('refuses to confirm twice, with the text of each series', async () => {
    const sim17 = odoo(17);
    const order = await quotation(sim17, [['simulator.product_widget', 1]]);
    await call(sim17, 'sale.order', 'action_confirm', [[order]]);
    expect(await refused(sim17, 'sale.order', 'action_confirm', [[order]])).toMatchObject({ name: 'odoo.exceptions.UserError', message: 'Some orders are not in a state requiring confirmation.' });
    const sim16 = odoo(16);
    const cancelled = await quotation(sim16, [['simulator.product_widget', 1]]);
    await call(sim16, 'sale.order', 'action_cancel', [[cancelled]]);
    expect((await refused(sim16, 'sale.order', 'action_confirm', [[cancelled]])).message).toBe('It is not allowed to confirm an order in the following states: done, cancel');
  });

  it('answers cancel of a confirmed order with the wizard up to 18 unless disable_cancel_warning, and refuses locked orders', async () => {
    const sim = odoo(17);
    const order = await quotation(sim, [['simulator.product_widget', 1]]);
    await call(sim, 'sale.order', 'action_confirm', [[order]]);
    expect(await call(sim, 'sale.order', 'action_cancel', [[order]])).toMatchObject({ type: 'ir.actions.act_window', res_model: 'sale.order.cancel' });
    await call(sim, 'sale.order', 'action_lock', [[order]]);
    expect((await refused(sim, 'sale.order', 'action_cancel', [[order]], { context: { disable_cancel_warning: true } })).message).toBe(
      'You cannot cancel a locked order. Please unlock it first.',
    );
    await call(sim, 'sale.order', 'action_unlock', [[order]]);
    expect(await call(sim, 'sale.order', 'action_cancel', [[order]], { context: { disable_cancel_warning: true } })).toBe(true);
    expect(sim.data.searchRead('stock.picking', [['sale_id', '=', order]], ['state'])).toEqual([expect.objectContaining({ state: 'cancel' })]);
    const nineteen = await quotation(odoo(19), [['simulator.product_widget', 1]]);
    await call(odoo(19), 'sale.order', 'action_confirm', [[nineteen]]);
    expect(await call(odoo(19), 'sale.order', 'action_cancel', [[nineteen]])).toBe(true);
  });

  it('locks with done in 16 and with locked from 17, and refuses deleting confirmed orders', async () => {
    const order16 = await quotation(odoo(16), [['simulator.product_widget', 1]]);
    await call(odoo(16), 'sale.order', 'action_confirm', [[order16]]);
    await call(odoo(16), 'sale.order', 'action_done', [[order16]]);
    expect(odoo(16).data.read('sale.order', order16, ['state'])[0]!.state).toBe('done');
    expect((await refused(odoo(17), 'sale.order', 'action_done', [[1]])).name).toBe('builtins.AttributeError');
    expect((await refused(odoo(16), 'sale.order', 'unlink', [[order16]])).message).toBe('You can not delete a sent quotation or a confirmed sales order. You must first cancel it.');
  });
});

// Stock tests count on exact on-hand quantities, so each has its own simulator.
describe('stock.picking button_validate', () => {
  it('returns the backorder wizard when less than the demand is done, validating nothing', async () => {
    const sim = await fresh();
    sim.data.setStock(sim.data.ref('simulator.product_gadget'), 5);
    const { picking } = await confirmedDelivery(sim, [['simulator.product_gadget', 8]]);
    const action = await call<Record<string, unknown>>(sim, 'stock.picking', 'button_validate', [[picking]]);
    expect(action).toMatchObject({ type: 'ir.actions.act_window', res_model: 'stock.backorder.confirmation', target: 'new', context: { button_validate_picking_ids: [picking] } });
    expect(sim.data.read('stock.picking', picking, ['state'])[0]!.state).toBe('assigned');
  });

  it('makes a backorder of the rest with skip_backorder, or cancels it for picking_ids_not_to_backorder', async () => {
    const sim = await fresh();
    const gadget = sim.data.ref('simulator.product_gadget');
    sim.data.setStock(gadget, 5);
    const first = await confirmedDelivery(sim, [['simulator.product_gadget', 8]]);
    expect(await call(sim, 'stock.picking', 'button_validate', [[first.picking]], { context: { skip_backorder: true } })).toBe(true);
    const pickings = sim.data.searchRead('stock.picking', [['sale_id', '=', first.order]], ['state', 'backorder_id', 'date_done']);
    expect(pickings).toHaveLength(2);
    expect(pickings.find((row) => row.id === first.picking)).toMatchObject({ state: 'done', date_done: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) });
    expect(pickings.find((row) => row.id !== first.picking)).toMatchObject({ state: 'confirmed', backorder_id: [first.picking, expect.any(String)] });
    const [line] = sim.data.searchRead('sale.order.line', [['order_id', '=', first.order]], ['qty_delivered']);
    expect(line!.qty_delivered).toBe(5);

    sim.data.setStock(gadget, 5);
    const second = await confirmedDelivery(sim, [['simulator.product_gadget', 8]]);
    const context = { skip_backorder: true, picking_ids_not_to_backorder: [second.picking] };
    expect(await call(sim, 'stock.picking', 'button_validate', [[second.picking]], { context })).toBe(true);
    expect(sim.data.search('stock.picking', [['sale_id', '=', second.order]])).toEqual([second.picking]);
    expect(sim.data.searchRead('stock.move', [['picking_id', '=', second.picking]], ['state', 'product_uom_qty']).map((move) => [move.state, move.product_uom_qty])).toEqual([
      ['done', 5],
      ['cancel', 3],
    ]);
  });

  it('asks the immediate-transfer question in 16 when nothing is done, and validates with skip_immediate', async () => {
    const sim = await fresh({ version: 16 });
    const { picking } = await confirmedDelivery(sim, [['simulator.product_widget', 2]]);
    expect(await call(sim, 'stock.picking', 'button_validate', [[picking]])).toMatchObject({ res_model: 'stock.immediate.transfer' });
    const [move] = sim.data.search('stock.move', [['picking_id', '=', picking]]);
    await call(sim, 'stock.move', 'write', [[move], { quantity_done: 2 }]);
    expect(await call(sim, 'stock.picking', 'button_validate', [[picking]], { context: { skip_immediate: true } })).toBe(true);
    expect(sim.data.searchRead('stock.move.line', [['picking_id', '=', picking]], ['qty_done', 'state'])).toEqual([expect.objectContaining({ qty_done: 2, state: 'done' })]);
  });

  it('refuses to validate without quantities, without lots for tracked goods, and twice', async () => {
    const sim = await fresh();
    sim.data.setStock(sim.data.ref('simulator.product_widget'), 0);
    const empty = await confirmedDelivery(sim, [['simulator.product_widget', 2]]);
    expect(sim.data.read('stock.picking', empty.picking, ['state'])[0]!.state).toBe('confirmed');
    expect((await refused(sim, 'stock.picking', 'button_validate', [[empty.picking]])).message).toMatch(/^You cannot validate a transfer if no quantities are reserved nor done/);
    sim.data.setStock(sim.data.ref('simulator.product_widget'), 100);

    const order = await quotation(sim, [['simulator.product_serum', 1]]);
    await call(sim, 'sale.order', 'action_confirm', [[order]]);
    const [serumPicking] = sim.data.search('stock.picking', [['sale_id', '=', order]]);
    expect((await refused(sim, 'stock.picking', 'button_validate', [[serumPicking]])).message).toContain('You need to supply a Lot/Serial number for product');

    const done = await confirmedDelivery(sim, [['simulator.product_widget', 1]]);
    expect(await call(sim, 'stock.picking', 'button_validate', [[done.picking]])).toBe(true);
    expect((await refused(sim, 'stock.picking', 'button_validate', [[done.picking]])).name).toBe('odoo.exceptions.UserError');
    expect((await refused(sim, 'stock.picking', 'action_assign', [[done.picking]])).message).toBe('Nothing to check the availability for.');
    expect((await refused(sim, 'stock.picking', 'action_cancel', [[done.picking]])).message).toContain("You cannot cancel a stock move that has been set to 'Done'.");
  });

  it('lets the test act as the warehouse: quantities and lots per product, backorder or not', async () => {
    const sim = await fresh({ version: 18 });
    const serum = sim.data.ref('simulator.product_serum');
    const order = await quotation(sim, [['simulator.product_serum', 4]]);
    await call(sim, 'sale.order', 'action_confirm', [[order]]);
    const [picking] = sim.data.search('stock.picking', [['sale_id', '=', order]]);
    sim.user.validatePicking(picking!, { quantities: { [serum]: 3 }, lots: { [serum]: 'LOT-001' }, backorder: 'cancel' });
    expect(sim.data.read('stock.picking', picking!, ['state'])[0]!.state).toBe('done');
    expect(sim.data.searchRead('stock.move.line', [['picking_id', '=', picking]], ['quantity', 'lot_id'])).toEqual([
      expect.objectContaining({ quantity: 3, lot_id: [expect.any(Number), 'LOT-001'] }),
    ]);
  });
});

describe('account.move', () => {
  it('posts a customer invoice: false returned, name from the sequence, not_paid', async () => {
    const sim = odoo(17);
    const order = await quotation(sim, [['simulator.product_widget', 2]]);
    await call(sim, 'sale.order', 'action_confirm', [[order]]);
    const invoice = sim.user.invoiceSaleOrder(order);
    const [draft] = sim.data.read('account.move', invoice, ['name', 'state', 'move_type', 'invoice_origin', 'amount_total']);
    expect(draft).toMatchObject({ name: '/', state: 'draft', move_type: 'out_invoice', amount_total: 20 });
    const envelope = await executeKw(sim, 'account.move', 'action_post', [[invoice]]);
    expect(envelope).toEqual({ jsonrpc: '2.0', id: 1, result: false });
    const [posted] = sim.data.read('account.move', invoice, ['name', 'state', 'payment_state', 'invoice_date']);
    expect(posted).toMatchObject({ name: expect.stringMatching(/^INV\/\d{4}\/\d{5}$/), state: 'posted', payment_state: 'not_paid', invoice_date: expect.any(String) });
    expect((await refused(sim, 'account.move', 'action_post', [[invoice]])).message).toBe(`The entry ${String(posted!.name)} (id ${invoice}) is already posted.`);
    expect(sim.data.read('sale.order', order, ['invoice_status'])[0]!.invoice_status).toBe('invoiced');
    expect('result' in (await executeKw(sim, 'account.move', 'button_draft', [[invoice]]))).toBe(false);
  });

  it('refuses to post a vendor bill without its date, and deleting a posted entry', async () => {
    const sim = odoo(18);
    const bill = await call<number>(sim, 'account.move', 'create', [
      { move_type: 'in_invoice', partner_id: sim.data.ref('simulator.partner_widget_supply'), ref: 'INV-9', invoice_line_ids: [[0, 0, { product_id: sim.data.ref('simulator.product_widget'), quantity: 2 }]] },
    ]);
    expect(await refused(sim, 'account.move', 'action_post', [[bill]])).toMatchObject({ name: 'odoo.exceptions.UserError', message: 'The Bill/Refund date is required to validate this document.' });
    await call(sim, 'account.move', 'write', [[bill], { invoice_date: '2025-05-14' }]);
    expect(await call(sim, 'account.move', 'action_post', [[bill]])).toBe(false);
    expect(sim.data.read('account.move', bill, ['name'])[0]!.name).toBe('BILL/2025/05/0001');
    expect((await refused(sim, 'account.move', 'unlink', [[bill]])).message).toBe('You cannot delete an entry which has been posted once.');
    const empty = await call<number>(sim, 'account.move', 'create', [{ move_type: 'out_invoice', partner_id: sim.data.ref('simulator.partner_acme') }]);
    expect((await refused(sim, 'account.move', 'action_post', [[empty]])).message).toBe('You need to add a line before posting.');
  });
});

describe('purchase.order', () => {
  it('confirms into a receipt, receives, bills, and refuses cancelling once billed', async () => {
    const sim = odoo(17);
    const widget = sim.data.ref('simulator.product_widget');
    const order = await call<number>(sim, 'purchase.order', 'create', [
      { partner_id: sim.data.ref('simulator.partner_widget_supply'), partner_ref: 'SO-77', order_line: [[0, 0, { product_id: widget, product_qty: 12 }]] },
    ]);
    const [line] = sim.data.searchRead('purchase.order.line', [['order_id', '=', order]], ['price_unit', 'product_uom']);
    expect(line).toMatchObject({ price_unit: 5.5, product_uom: [sim.data.ref('uom.product_uom_unit'), 'Units'] });
    expect(await call(sim, 'purchase.order', 'button_confirm', [[order]])).toBe(true);
    expect(await call(sim, 'purchase.order', 'button_confirm', [[order]])).toBe(true);
    const [receipt] = sim.data.searchRead('stock.picking', [['purchase_id', '=', order]], ['name', 'state', 'picking_type_code']);
    expect(receipt).toMatchObject({ name: expect.stringMatching(/^WH\/IN\/\d{5}$/), state: 'assigned', picking_type_code: 'incoming' });
    expect(sim.data.read('purchase.order', order, ['state', 'name'])[0]).toMatchObject({ state: 'purchase', name: expect.stringMatching(/^P\d{5}$/) });
    const onHand = Number(sim.data.read('product.product', widget, ['qty_available'])[0]!.qty_available);
    sim.user.validatePicking(receipt!.id as number);
    expect(sim.data.read('product.product', widget, ['qty_available'])[0]!.qty_available).toBe(onHand + 12);
    const action = await call<{ res_model: string; res_id: number }>(sim, 'purchase.order', 'action_create_invoice', [[order]]);
    expect(action.res_model).toBe('account.move');
    expect(sim.data.searchRead('account.move.line', [['move_id', '=', action.res_id]], ['purchase_line_id', 'quantity'])).toEqual([
      expect.objectContaining({ purchase_line_id: [line!.id, expect.any(String)], quantity: 12 }),
    ]);
    await call(sim, 'account.move', 'write', [[action.res_id], { invoice_date: '2025-05-14' }]);
    sim.user.postInvoice(action.res_id);
    expect((await refused(sim, 'purchase.order', 'button_cancel', [[order]])).message).toBe('Unable to cancel this purchase order. You must first cancel the related vendor bills.');
    expect((await refused(sim, 'purchase.order', 'unlink', [[order]])).message).toBe('In order to delete a purchase order, you must cancel it first.');
    expect((await refused(sim, 'purchase.order', 'action_create_invoice', [[order]])).message).toMatch(/^There is no invoiceable line/);
  });

  it('locks with done up to 18 and with locked in 19', async () => {
    for (const version of [18, 19] as const) {
      const sim = odoo(version);
      const order = await call<number>(sim, 'purchase.order', 'create', [{ partner_id: sim.data.ref('simulator.partner_widget_supply') }]);
      sim.user.confirmPurchaseOrder(order);
      if (version === 18) {
        await call(sim, 'purchase.order', 'button_done', [[order]]);
        expect(sim.data.read('purchase.order', order, ['state'])[0]!.state).toBe('done');
      } else {
        expect((await refused(sim, 'purchase.order', 'button_done', [[order]])).name).toBe('builtins.AttributeError');
        await call(sim, 'purchase.order', 'button_lock', [[order]]);
        expect(sim.data.read('purchase.order', order, ['state', 'locked'])[0]).toMatchObject({ state: 'purchase', locked: true });
      }
    }
  });
});

describe('polling on write_date', () => {
  it('keeps write_date from the server clock and lets a test backdate it', async () => {
    let now = Date.parse('2025-04-01T08:00:00.750Z');
    const sim = await fresh({ clock: () => new Date(now) });
    const partner = await call<number>(sim, 'res.partner', 'create', [{ name: 'Polled' }]);
    now += 90_000;
    await call(sim, 'res.partner', 'write', [[partner], { phone: '555' }]);
    const changed = await call<{ id: number; write_date: string }[]>(sim, 'res.partner', 'search_read', [[['write_date', '>', '2025-04-01 08:00:00']]], {
      fields: ['write_date', 'create_date'],
      order: 'write_date asc, id asc',
    });
    expect(changed).toEqual([{ id: partner, write_date: '2025-04-01 08:01:30', create_date: '2025-04-01 08:00:00' }]);
    sim.data.setWriteDate('res.partner', partner, '2025-04-01 07:59:00');
    expect(await call(sim, 'res.partner', 'search', [[['write_date', '>', '2025-04-01 08:00:00']]])).toEqual([]);
  });
});

describe('faults', () => {
  it('refuses connections while down, and serves again once up', async () => {
    const sim = await fresh({ demoData: false });
    await sim.faults.down();
    const failure = await fetch(`${sim.url}/jsonrpc`, { method: 'POST' }).then(
      () => undefined,
      (error: Error & { cause?: { code?: string } }) => error.cause?.code,
    );
    expect(failure).toBe('ECONNREFUSED');
    await sim.faults.up();
    expect((await jsonRpc(sim, 'common', 'version', [])).result).toMatchObject({ server_version: '17.0' });
  });

  it('answers 503 as a proxy does while unavailable', async () => {
    const sim = await fresh({ demoData: false });
    await sim.faults.down('unavailable');
    const response = await fetch(`${sim.url}/jsonrpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(503);
    await sim.faults.clear();
    expect((await jsonRpc(sim, 'common', 'version', [])).error).toBeUndefined();
  });

  it('answers slowly: a client that gives up still leaves the work committed', async () => {
    const sim = await fresh();
    sim.faults.slow(400);
    const { database, uid, password } = sim.credentials;
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, params: { service: 'object', method: 'execute_kw', args: [database, uid, password, 'res.partner', 'create', [{ name: 'Slow Co' }]] } });
    const started = Date.now();
    await expect(fetch(`${sim.url}/jsonrpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(400);
    await waitFor('the slow create to commit', () => sim.data.search('res.partner', [['name', '=', 'Slow Co']]).length === 1);
    sim.faults.slow(0);
  });

  it('commits a create and then drops the connection instead of answering', async () => {
    const sim = await fresh();
    sim.faults.dropResponseAfterCommit({ model: 'sale.order', method: 'create' });
    await expect(quotation(sim, [['simulator.product_widget', 1]], { client_order_ref: 'DROPPED-1' })).rejects.toThrow('fetch failed');
    expect(sim.data.search('sale.order', [['client_order_ref', '=', 'DROPPED-1']])).toHaveLength(1);
    expect(sim.faults.stats().droppedResponses).toBe(1);
    expect(await quotation(sim, [['simulator.product_widget', 1]], { client_order_ref: 'ANSWERED-1' })).toEqual(expect.any(Number));
  });

  it('drops a seeded fraction of creates, the same ones on every run', async () => {
    const pattern = async () => {
      const sim = await fresh({ demoData: false });
      sim.faults.dropResponseAfterCommit({ method: 'create', fraction: 0.5, seed: 7, times: Infinity });
      const dropped: boolean[] = [];
      for (let index = 0; index < 12; index += 1) {
        dropped.push(await call(sim, 'res.partner', 'create', [{ name: `P${index}` }]).then(() => false, () => true));
      }
      expect(sim.data.search('res.partner', [['name', '=like', 'P%']])).toHaveLength(12);
      return dropped;
    };
    const first = await pattern();
    expect(await pattern()).toEqual(first);
    expect(first.filter(Boolean).length).toBeGreaterThan(0);
    expect(first.filter(Boolean).length).toBeLessThan(12);
  });

  it('fails calls with a serialization failure that commits nothing, over both transports', async () => {
    const sim = await fresh({ version: 19 });
    sim.faults.serializationFailure({ model: 'res.partner', method: 'create', times: 2 });
    const first = await refused(sim, 'res.partner', 'create', [{ name: 'Contended' }]);
    expect(first).toMatchObject({ name: 'psycopg2.errors.SerializationFailure', message: 'could not serialize access due to concurrent update\n' });
    const second = await json2(sim, 'res.partner', 'create', { vals_list: { name: 'Contended' } });
    expect(second).toMatchObject({ status: 500, body: { name: 'psycopg2.errors.SerializationFailure' } });
    expect(sim.data.search('res.partner', [['name', '=', 'Contended']])).toEqual([]);
    expect(await call(sim, 'res.partner', 'create', [{ name: 'Contended' }])).toEqual(expect.any(Number));
    expect(sim.faults.stats().serializationFailures).toBe(2);
  });
});
