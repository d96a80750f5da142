import type { FunctionalAck, Invoice, Order, ShipmentStatus, ShipNotice, Source } from '../../translators/canonical/index.js';

// One valid document of each kind, typed so that the compiler checks them too. Tests copy one and break
// a single value to see the refusal.

const source: Source = {
  standard: 'X12',
  version: '004010',
  usage: 'production',
  sender: { qualifier: 'ZZ', id: 'RETAILER' },
  receiver: { qualifier: '01', id: '123456789' },
  interchangeControlNumber: '000000101',
  groupControlNumber: '101',
  setControlNumber: '0001',
};

export const order: Order = {
  kind: 'order',
  source,
  purpose: 'original',
  orderNumber: 'PO-4711',
  dates: {
    ordered: { date: '2025-03-03' },
    requestedDelivery: { date: '2025-03-10', time: '08:00' },
    cancelAfter: { date: '2025-03-20', time: '17:00', utcOffset: '-06:00', timeZone: 'America/Chicago' },
  },
  parties: [
    { role: 'buyer', name: 'Retailer Inc.', identifiers: [{ qualifier: 'gln', value: '1234567890128' }] },
    {
      role: 'ship-to',
      name: 'Retailer DC 12',
      identifiers: [{ qualifier: 'buyer-assigned', value: 'DC12' }],
      address: { street: ['100 Dock Road'], city: 'Joliet', region: 'IL', postalCode: '60431', country: 'US' },
    },
    { role: 'seller', identifiers: [{ qualifier: 'duns', value: '123456789' }] },
  ],
  lines: [
    {
      lineNumber: '1',
      item: { gtin: '00012345678905', buyerItem: 'SKU-1', description: 'Blue mug' },
      quantity: { value: '24', unit: 'EA' },
      unitPrice: { amount: '3.25', currency: 'USD' },
    },
    {
      lineNumber: '2',
      item: { vendorItem: 'MUG-RED' },
      quantity: { value: '2.5', unit: 'KGM' },
    },
  ],
};

export const shipNotice: ShipNotice = {
  kind: 'ship-notice',
  source,
  purpose: 'original',
  shipmentId: 'SH-900',
  billOfLading: 'BOL-77',
  proNumber: 'PRO-123456',
  dates: { issued: { date: '2025-03-08', time: '16:45:30' }, shipped: { date: '2025-03-08' } },
  parties: [
    { role: 'ship-from', name: '3PL Warehouse' },
    { role: 'carrier', identifiers: [{ qualifier: 'scac', value: 'ABCD' }] },
  ],
  transport: { mode: 'road', equipment: [{ type: 'trailer', number: 'TRL-88', seals: ['S-1'] }] },
  packageCount: 2,
  grossWeight: { value: '412.5', unit: 'KGM' },
  orders: [
    {
      orderNumber: 'PO-4711',
      orderDate: '2025-03-03',
      pallets: [
        {
          sscc: '106141411234567897',
          grossWeight: { value: '400', unit: 'KGM' },
          cartons: [
            {
              sscc: '006141410000012343',
              dimensions: { length: '40', width: '30', height: '20.5', unit: 'CMT' },
              items: [{ orderLineNumber: '1', item: { gtin: '00012345678905', lot: 'L-2025-02' }, quantity: { value: '24', unit: 'EA' } }],
            },
          ],
        },
      ],
      items: [{ orderLineNumber: '2', item: { vendorItem: 'MUG-RED', serialNumbers: ['SN-1', 'SN-2'] }, quantity: { value: '2.5', unit: 'KGM' } }],
    },
  ],
};

export const shipmentStatus: ShipmentStatus = {
  kind: 'shipment-status',
  source,
  proNumber: 'PRO-123456',
  orderNumbers: ['PO-4711'],
  parties: [{ role: 'carrier', name: 'Fast Freight', identifiers: [{ qualifier: 'scac', value: 'ABCD' }] }],
  events: [
    { status: 'picked-up', reason: 'normal', at: { date: '2025-03-08', time: '17:10', timeZone: 'America/Chicago' }, location: { city: 'Joliet', region: 'IL', country: 'US' } },
    { status: 'delayed', reason: 'weather', at: { date: '2025-03-09', time: '06:00', utcOffset: '-05:00' }, equipment: { number: 'TRL-88' }, note: 'Snow on I-80' },
  ],
};

export const invoice: Invoice = {
  kind: 'invoice',
  source,
  purpose: 'original',
  invoiceType: 'invoice',
  invoiceNumber: 'INV-2025-001',
  orderNumber: 'PO-4711',
  dates: { invoiced: { date: '2025-03-09' } },
  parties: [
    { role: 'seller', name: 'Mug Maker Ltd.' },
    { role: 'remit-to', address: { street: ['PO Box 1'], city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' } },
  ],
  terms: { description: '2% 10 net 30', discountPercent: '2', discountDays: 10, netDays: 30 },
  lines: [
    {
      lineNumber: '1',
      orderLineNumber: '1',
      item: { gtin: '00012345678905' },
      quantity: { value: '24', unit: 'EA' },
      unitPrice: { amount: '3.25', currency: 'USD' },
      amount: { amount: '78.00', currency: 'USD' },
    },
  ],
  allowancesCharges: [{ type: 'charge', reason: 'freight', amount: { amount: '12.50', currency: 'USD' } }],
  taxes: [{ type: 'sales', rate: '6.25', taxableAmount: { amount: '78.00', currency: 'USD' }, amount: { amount: '4.88', currency: 'USD' } }],
  totals: {
    lines: { amount: '78.00', currency: 'USD' },
    charges: { amount: '12.50', currency: 'USD' },
    taxes: { amount: '4.88', currency: 'USD' },
    total: { amount: '95.38', currency: 'USD' },
  },
};

export const functionalAck: FunctionalAck = {
  kind: 'functional-ack',
  source: { ...source, setControlNumber: '0002' },
  acknowledged: { groupControlNumber: '555', functionalId: 'SH' },
  status: 'partially-accepted',
  counts: { included: 2, received: 2, accepted: 1 },
  sets: [
    { setControlNumber: '0001', status: 'accepted' },
    {
      setControlNumber: '0002',
      status: 'rejected',
      errors: [
        { level: 'segment', code: '8', reason: 'Segment has data element errors', segment: 'TD1', segmentPosition: 5 },
        { level: 'element', code: '7', reason: 'Invalid code value', segment: 'TD1', segmentPosition: 5, element: 1, badValue: 'XX' },
      ],
    },
  ],
};
