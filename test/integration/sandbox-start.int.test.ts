import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { apiKeyBeside, startGatewayProcess, stopLeftoverGateways } from '../helpers/gateway-process.js';
import { jsonRpc } from '../helpers/odoo-simulator.js';
import { openSshSftpWithPassword, printed } from '../helpers/sftp-peers.js';
import { createTestFolder } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

// `npm start` with nothing configured, on a real `edi-gateway start` process: the sandbox Odoo comes up in
// the gateway, the demo partner's SFTP login is printed once, and an 850 uploaded with it by OpenSSH's sftp
// becomes a sale order in the sandbox, while its 997 waits in the partner's /outbound; once the order's
// delivery is validated in the sandbox, the Odoo poller puts its 856 in the partner's /outbound too.

afterAll(stopLeftoverGateways);

/** The demo partner's order, as the README's first run has it: from ZZ/DEMORETAILER, marked test. */
const DEMO_850 = [
  'ISA*00*          *00*          *ZZ*DEMORETAILER   *ZZ*THREEPL        *250301*1200*U*00401*000000042*0*T*>',
  'GS*PO*DEMORETAILER*THREEPL*20250301*1200*42*X*004010',
  'ST*850*0001',
  'BEG*00*SA*PO-DEMO-1**20250301',
  'DTM*002*20250310',
  'N1*ST*ACME Store 42*92*0042',
  'N3*42 Market Street',
  'N4*Springfield*IL*62704*US',
  'PO1*1*12*EA*9.50**VP*WIDGET-1',
  'PO1*2*2*EA*25**VP*GADGET-2',
  'CTT*2',
  'SE*10*0001',
  'GE*1*42',
  'IEA*1*000000042',
]
  .map((segment) => `${segment}~\n`)
  .join('');

interface SandboxLogin {
  readonly url: string;
  readonly database: string;
  readonly login: string;
  readonly password: string;
}

/** execute_kw on the sandbox as its user, over its JSON-RPC. */
async function odoo<T>(sandbox: SandboxLogin, model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<T> {
  const uid = (await jsonRpc(sandbox, 'common', 'authenticate', [sandbox.database, sandbox.login, sandbox.password, {}])).result;
  expect(uid).toEqual(expect.any(Number));
  const answer = await jsonRpc(sandbox, 'object', 'execute_kw', [sandbox.database, uid, sandbox.password, model, method, args, kwargs]);
  if (answer.error) throw new Error(`${model}.${method}: ${answer.error.data.message}`);
  return answer.result as T;
}

describe('edi-gateway start with nothing configured', () => {
  it('syncs an 850 the demo partner uploads with its printed SFTP password to the sandbox Odoo, and puts the 997 in its /outbound', async () => {
    const root = await createTestFolder('sandbox');
    const peer = path.join(root, 'peer');
    await fs.mkdir(peer);
    const env = {
      EDI_PG_DATA_DIR: path.join(root, 'pg'),
      EDI_INBOX_DIR: path.join(root, 'inbox'),
      EDI_MASTER_KEY_FILE: path.join(root, 'master.key'),
      EDI_PARTNER_DEFAULTS: path.join(root, 'no-defaults.yaml'),
      EDI_SCHEDULER_POLL_MS: '200',
      EDI_ODOO_POLL_MS: '1000',
    };
    const gateway = startGatewayProcess(env);
    const url = await gateway.healthy();

    const sandbox = gateway.logLines().find((line) => String(line.msg).startsWith('sandbox Odoo 18 started at ')) as unknown as SandboxLogin & { version: number };
    expect(sandbox).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), version: 18, database: 'odoo', login: 'admin', password: expect.any(String) });
    const credentials = gateway.logLines().filter((line) => String(line.msg).startsWith('demo partner "demo" can log in to the SFTP server'));
    expect(credentials).toEqual([
      expect.objectContaining({ level: 40, partner: 'demo', username: 'demo', password: expect.stringMatching(/^[\w-]{16}$/), host: '127.0.0.1', port: expect.any(Number) }),
    ]);
    const { username, password, port } = credentials[0] as { username: string; password: string; port: number };
    expect(gateway.logLines().find((line) => line.msg === 'gateway started')?.sftpPort).toBe(port);

    await fs.writeFile(path.join(peer, 'po.x12'), DEMO_850);
    const upload = await openSshSftpWithPassword({ port, user: username, password, cwd: peer, commands: 'put po.x12 /inbound/po.x12\n' });
    expect({ code: upload.code, stderr: upload.stderr }).toEqual({ code: 0, stderr: '' });
    const wrong = await openSshSftpWithPassword({ port, user: username, password: `${password}x`, cwd: peer, commands: 'ls /outbound\n' });
    expect(wrong.code).not.toBe(0);

    // The sale order, field by field, read back from the sandbox over its own JSON-RPC.
    type Row = Record<string, unknown> & { id: number };
    const [order] = await waitFor('the sale order in the sandbox Odoo', async () => {
      const rows = await odoo<Row[]>(sandbox, 'sale.order', 'search_read', [[['client_order_ref', '=', 'PO-DEMO-1']]], {
        fields: ['name', 'partner_id', 'partner_shipping_id', 'commitment_date', 'state', 'order_line'],
      });
      return rows.length > 0 ? rows : undefined;
    });
    expect(order).toEqual({
      id: expect.any(Number),
      name: 'S00001',
      partner_id: [expect.any(Number), 'ACME Retail'],
      partner_shipping_id: [expect.any(Number), 'ACME Retail, ACME Store 42'],
      commitment_date: '2025-03-10 12:00:00',
      state: 'draft',
      order_line: [expect.any(Number), expect.any(Number)],
    });
    const lines = await odoo<Row[]>(sandbox, 'sale.order.line', 'read', [order!.order_line], { fields: ['product_id', 'product_uom_qty', 'price_unit'] });
    expect(lines.map(({ product_id, product_uom_qty, price_unit }) => [(product_id as [number, string])[1], product_uom_qty, price_unit])).toEqual([
      ['[WIDGET-1] Widget', 12, 9.5],
      ['[GADGET-2] Gadget', 2, 25],
    ]);

    // The 997 accepting the group, in the partner's mailbox; the file processed, its order synced as S00001.
    const listing = await waitFor('the 997 in /outbound', async () => {
      const listed = await openSshSftpWithPassword({ port, user: username, password, cwd: peer, commands: 'ls -1 /outbound\n' });
      const name = printed(listed.stdout).split('\n').map((entry) => entry.trim()).find((entry) => /^\/outbound\/997-\d+\.x12$/.test(entry));
      return name;
    });
    const got = await openSshSftpWithPassword({ port, user: username, password, cwd: peer, commands: `get ${listing} ack.x12\n` });
    expect(got.code).toBe(0);
    const ack = await fs.readFile(path.join(peer, 'ack.x12'), 'utf8');
    expect(ack).toMatch(/AK1\*PO\*42~/);
    expect(ack).toMatch(/AK2\*850\*0001~\s*AK5\*A~/);
    expect(ack).toMatch(/AK9\*A\*1\*1\*1~/);
    const key = await apiKeyBeside(env);
    const files = await waitFor('the file to be processed', async () => {
      const body = (await (await fetch(`${url}/api/files`, { headers: key })).json()) as { files: { name: string; state: string; source: string }[] };
      return body.files.every((file) => file.state === 'PROCESSED') && body.files.length === 1 ? body.files : undefined;
    });
    expect(files).toEqual([expect.objectContaining({ name: 'po.x12', state: 'PROCESSED' })]);
    expect(gateway.logLines().some((line) => line.msg === 'Order synced to Odoo as S00001' && line.partner === 'demo')).toBe(true);

    // Someone in Odoo confirms the order and validates its delivery: the poller sends the demo partner its 856.
    await odoo(sandbox, 'sale.order', 'action_confirm', [[order!.id]]);
    const [delivery] = await odoo<Row[]>(sandbox, 'stock.picking', 'search_read', [[['sale_id', '=', order!.id]]], { fields: ['name'] });
    expect(await odoo(sandbox, 'stock.picking', 'button_validate', [[delivery!.id]])).toBe(true);
    const notice = await waitFor('the 856 in /outbound', async () => {
      const listed = await openSshSftpWithPassword({ port, user: username, password, cwd: peer, commands: 'ls -1 /outbound\n' });
      return printed(listed.stdout).split('\n').map((entry) => entry.trim()).find((entry) => /^\/outbound\/856-\d+\.x12$/.test(entry));
    });
    const gotNotice = await openSshSftpWithPassword({ port, user: username, password, cwd: peer, commands: `get ${notice} asn.x12\n` });
    expect(gotNotice.code).toBe(0);
    const asn = (await fs.readFile(path.join(peer, 'asn.x12'), 'utf8')).replace(/\n/g, '');
    expect(asn).toContain(`BSN*00*${String(delivery!.name)}*`);
    expect(asn).toContain('N1*ST*ACME Store 42~');
    expect(asn).toContain('PRF*PO-DEMO-1');
    expect(asn).toContain('LIN**UP*012345678905*VP*WIDGET-1~SN1**12*EA~');
    expect(asn).toContain('LIN**UP*036000291452*VP*GADGET-2~SN1**2*EA~');
    expect(await gateway.stop('SIGTERM', 15_000)).toBe(0);

    // The password was shown once: a restart does not show one again, and the partner keeps its login.
    const again = startGatewayProcess(env);
    await again.healthy();
    expect(again.logLines().filter((line) => String(line.msg).startsWith('demo partner "demo" can log in'))).toEqual([]);
    expect(again.output()).not.toContain(password);
    expect(await again.stop('SIGTERM', 15_000)).toBe(0);
  }, 150_000);
});
