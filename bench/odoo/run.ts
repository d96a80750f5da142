// npm run bench -- --odoo [--orders N]: orders from SFTP upload to confirmed sale order. A real gateway process
// on its embedded PostgreSQL syncs to the Odoo simulator (series 18, over its socket) for a retailer whose
// profile confirms orders; N single-line 850s are uploaded by OpenSSH's sftp over four connections at once.
// Each order's latency runs from its upload closed (the file's row committed) to its document recorded
// SYNCED, which the gateway writes once Odoo has confirmed the sale order; both on the database's clock.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { call } from '../../test/helpers/odoo-simulator.js';
import { flowPartner, orderFile, partnerId } from '../../test/helpers/odoo-flow-files.js';
import { startOdooGateway } from '../../test/helpers/odoo-gateway.js';
import type { Report } from '../child-measure.js';
import { percentile } from '../pipeline/timings.js';

const CONNECTIONS = 4;

const seconds = (ms: number | undefined) => (ms === undefined ? 'not all confirmed' : `${(ms / 1000).toFixed(3)} s`);

export async function benchOdoo(report: Report, options: { orders: number }): Promise<void> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'edi-gateway-bench-odoo-'));
  await fs.chmod(folder, 0o755);
  const retailer = partnerId('retailer', 'X12');
  const odoo = await startOdooGateway({ version: 18, folder, partners: (publicKey) => [flowPartner({ role: 'retailer', standard: 'X12', publicKey, confirmOrders: true })] });
  try {
    const files = Array.from({ length: options.orders }, (_, index) => {
      const number = `PO-BENCH-${index + 1}`;
      return {
        name: `${number}.x12`,
        content: orderFile('X12', index + 1, {
          number,
          requested: '20250310',
          shipTo: { name: 'ACME Store 42', site: '0042', street: '42 Market Street', city: 'Springfield', region: 'IL', postalCode: '62704' },
          lines: [{ item: 'WIDGET-1', quantity: 3, price: '9.50' }],
        }),
      };
    });
    const uploadStarted = Date.now();
    await Promise.all(Array.from({ length: CONNECTIONS }, (_, connection) => odoo.upload(retailer, files.filter((_, index) => index % CONNECTIONS === connection))));
    const uploadMs = Date.now() - uploadStarted;
    await odoo.processed(files.map((file) => file.name), Math.max(120_000, options.orders * 1_000));

    const { rows } = await odoo.db.query<{ received: number; synced: number }>(
      `SELECT extract(epoch FROM f.received_at) * 1000 AS received, extract(epoch FROM d.state_changed_at) * 1000 AS synced
         FROM documents d JOIN received_files f ON f.id = d.file_id
        WHERE d.kind = 'Order' AND d.state = 'SYNCED'`,
    );
    const confirmed = await call<number>(odoo.sim, 'sale.order', 'search_count', [[['client_order_ref', '=like', 'PO-BENCH-%'], ['state', '=', 'sale']]]);
    if (rows.length !== options.orders || confirmed !== options.orders) {
      throw new Error(`${options.orders} orders uploaded, ${rows.length} recorded synced and ${confirmed} confirmed in Odoo`);
    }
    const received = rows.map((row) => Number(row.received));
    const synced = rows.map((row) => Number(row.synced));
    const spanMs = Math.max(...synced) - Math.min(...received);
    const latencies = rows.map((row) => Number(row.synced) - Number(row.received));
    report(
      `odoo: ${options.orders} single-line 850s over ${CONNECTIONS} sftp connections to Odoo 18 (simulator), each confirmed`,
      `uploaded in ${(uploadMs / 1000).toFixed(1)} s`,
    );
    report('upload closed to confirmed sale order, orders/s', `${(options.orders / (spanMs / 1000)).toFixed(1)} orders/s (${(spanMs / 1000).toFixed(1)} s from first upload to last confirmed)`);
    report('upload closed to confirmed sale order, p50 / p99', `${seconds(percentile(latencies, 0.5))} / ${seconds(percentile(latencies, 0.99))}`);
  } finally {
    await odoo.stop();
    await fs.rm(folder, { recursive: true, force: true });
  }
}
