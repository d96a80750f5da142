import { deliveryToShipNotice } from './delivery-to-ship-notice.js';
import { deliveryToShipmentStatus } from './delivery-to-shipment-status.js';
import { invoiceToInvoice } from './invoice-to-invoice.js';
import type { OutboundSource } from './outbound-flow.js';
import { purchaseOrderToOrder } from './purchase-order-to-order.js';

// What the Odoo poller reads (reference 3.15, 3.16): per model, the records that are ready to send and the
// flows they go through. A delivery feeds two flows, so both read it from one watermark.

/** Confirmed purchase orders (state purchase; 16–18 also done, once locked). */
export const purchaseOrders: OutboundSource = {
  model: 'purchase.order',
  domain: [['state', 'in', ['purchase', 'done']]],
  fields: ['name', 'partner_id', 'company_id', 'currency_id', 'date_order', 'date_approve', 'date_planned', 'order_line', 'write_date'],
  partnerField: 'partner_id',
  describe: (record) => `purchase order ${String(record.name)}`,
  flows: [purchaseOrderToOrder],
};

/** Done deliveries to customers. */
export const deliveries: OutboundSource = {
  model: 'stock.picking',
  domain: [
    ['picking_type_code', '=', 'outgoing'],
    ['state', '=', 'done'],
  ],
  fields: ['name', 'origin', 'partner_id', 'company_id', 'sale_id', 'date_done', 'carrier_id', 'carrier_tracking_ref', 'weight', 'shipping_weight', 'write_date'],
  partnerField: 'partner_id',
  describe: (record) => `delivery ${String(record.name)}`,
  flows: [deliveryToShipNotice, deliveryToShipmentStatus],
};

/** Posted customer invoices; credit notes (out_refund) are not sent. */
export const customerInvoices: OutboundSource = {
  model: 'account.move',
  domain: [
    ['move_type', '=', 'out_invoice'],
    ['state', '=', 'posted'],
  ],
  fields: ['name', 'ref', 'partner_id', 'commercial_partner_id', 'company_id', 'currency_id', 'invoice_date', 'invoice_date_due', 'invoice_line_ids', 'amount_untaxed', 'amount_tax', 'amount_total', 'write_date'],
  partnerField: 'commercial_partner_id',
  describe: (record) => `invoice ${String(record.name)}`,
  flows: [invoiceToInvoice],
};

export const OUTBOUND_SOURCES: readonly OutboundSource[] = [purchaseOrders, deliveries, customerInvoices];
