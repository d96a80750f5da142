import { GatewayError } from '../../errors/gateway-error.js';
import type { OdooClient, OdooRecord } from '../client/odoo-client.js';

// The purchase order a supplier's ship notice or invoice is about: the buyer's order number it quotes is
// our purchase order's name (P00042). Only the supplier's own orders count, so that a partner can never
// receive against or bill another supplier's order.

export async function supplierPurchaseOrder(client: OdooClient, options: { readonly orderNumber: string; readonly supplierId: number; readonly fields: readonly string[] }): Promise<OdooRecord> {
  const [order] = await client.searchRead(
    'purchase.order',
    [
      ['name', '=', options.orderNumber],
      ['partner_id', 'child_of', options.supplierId],
    ],
    { fields: options.fields, limit: 1 },
  );
  if (order === undefined) throw new GatewayError('ODOO_RECORD_MISSING', `Odoo has no purchase order ${options.orderNumber} from this supplier`);
  return order;
}
