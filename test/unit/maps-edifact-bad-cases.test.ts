import { describe, expect, it } from '@jest/globals';
import type { Order, ShipmentStatus } from '../../translators/canonical/index.js';
import { DEFAULT_MAP_OPTIONS, type MapOptions, type OutboundMap } from '../../translators/maps/map-contract.js';
import { orderToEdifactOrders } from '../../translators/maps/order-to-edifact-orders.js';
import { shipmentStatusToEdifactIftsta } from '../../translators/maps/shipment-status-to-edifact-iftsta.js';
import { mapFile } from './maps-edifact-support.js';

// What the EDIFACT maps refuse, next to what they accept: each problem names its place (segment position
// and element inbound, canonical path outbound) and says what is wrong in plain words.

const ORDERS = [
  "UNB+UNOC:3+5412345000013:14+5412345000020:14+250107:1305+REF1'",
  "UNH+1+ORDERS:D:96A:UN'",
  "BGM+220+PO1001+9'",
  "DTM+137:20250107:102'",
  "NAD+BY+5412345000013::9'",
  "NAD+SU+5412345000020::9++RETAILER INC'",
  "CUX+2:EUR:9'",
  "LIN+1++4000862141404:EN'",
  "QTY+21:10:EA'",
  "PRI+AAA:9.99'",
  "UNS+S'",
  "UNT+11+1'",
  "UNZ+1+REF1'",
].join('\n');

const DESADV = [
  "UNB+UNOC:3+5412345000020:14+5412345000013:14+250107:1305+REF1'",
  "UNH+1+DESADV:D:96A:UN'",
  "BGM+351+DES1+9'",
  "DTM+137:20250107:102'",
  "RFF+ON:PO1001'",
  "CPS+1'",
  "CPS+2+1'",
  "PAC+1++CT'",
  "LIN+1++4000862141404:EN'",
  "QTY+12:10'",
  "UNT+10+1'",
  "UNZ+1+REF1'",
].join('\n');

function mapped(text: string, options: MapOptions = DEFAULT_MAP_OPTIONS): unknown {
  const [result] = mapFile(Buffer.from(text, 'latin1'), options);
  return result;
}

describe('EDIFACT maps, bad cases next to good ones', () => {
  it('reads the good order', () => {
    expect(mapped(ORDERS)).toMatchObject({ kind: 'order', orderNumber: 'PO1001', lines: [{ quantity: { value: '10', unit: 'EA' } }] });
  });

  it('names a missing BGM02 by its segment and element', () => {
    expect(mapped(ORDERS.replace("BGM+220+PO1001+9'", "BGM+220++9'"))).toEqual({
      problems: [{ code: 'MAP_VALUE_MISSING', message: 'BGM02, the order number, is missing.', location: { segmentPosition: 2, element: 'BGM02' } }],
    });
  });

  it('refuses a quantity that is not a number', () => {
    expect(mapped(ORDERS.replace("QTY+21:10:EA'", "QTY+21:12X:EA'"))).toEqual({
      problems: [{ code: 'MAP_VALUE_INVALID', message: 'QTY01-2, the ordered quantity, is "12X", which is not a number.', location: { segmentPosition: 8, element: 'QTY01-2' } }],
    });
  });

  it('reads a decimal comma whatever UNA says', () => {
    expect(mapped(ORDERS.replace("QTY+21:10:EA'", "QTY+21:2,5:KGM'"))).toMatchObject({ lines: [{ quantity: { value: '2.5', unit: 'KGM' } }] });
  });

  it('passes a unit of Recommendation 20 form through, translates the partner table, and refuses any other', () => {
    expect(mapped(ORDERS.replace("QTY+21:10:EA'", "QTY+21:10:XBX'"))).toMatchObject({ lines: [{ quantity: { unit: 'XBX' } }] });
    const bundle = ORDERS.replace("QTY+21:10:EA'", "QTY+21:10:GBND'");
    expect(mapped(bundle, { ...DEFAULT_MAP_OPTIONS, unitsOfMeasure: { GBND: 'BE' } })).toMatchObject({ lines: [{ quantity: { unit: 'BE' } }] });
    expect(mapped(bundle)).toEqual({
      problems: [
        {
          code: 'MAP_CODE_UNKNOWN',
          message: `QTY01-3 is "GBND", which is not a UN/ECE Recommendation 20 unit; the partner's unit table (unitsOfMeasure) can say which unit it stands for.`,
          location: { segmentPosition: 8, element: 'QTY01-3' },
        },
      ],
    });
  });

  it("reads a partner's own party code through its profile's code translations", () => {
    const warehouse = ORDERS.replace("NAD+SU+5412345000020::9++RETAILER INC'", "NAD+WH+5412345000020::9'");
    expect(mapped(warehouse)).toMatchObject({ parties: [{ role: 'buyer' }] });
    expect(mapped(warehouse, { ...DEFAULT_MAP_OPTIONS, codeTranslations: { NAD01: { WH: 'DP' } } })).toMatchObject({ parties: [{ role: 'buyer' }, { role: 'ship-to' }] });
  });

  it('builds the packing from parents, and names a CPS whose parent is missing', () => {
    expect(mapped(DESADV)).toMatchObject({ orders: [{ orderNumber: 'PO1001', cartons: [{ items: [{ quantity: { value: '10' } }] }] }] });
    expect(mapped(DESADV.replace("CPS+2+1'", "CPS+2+9'"))).toMatchObject({
      problems: [{ code: 'MAP_VALUE_INVALID', message: 'CPS02 names packing level 9 as the parent of level 2, but the message has no CPS 9.', location: { segmentPosition: 6, element: 'CPS02' } }],
    });
  });

  it('refuses a date that is not in the calendar, with its format', () => {
    expect(mapped(ORDERS.replace("DTM+137:20250107:102'", "DTM+137:20250230:102'"))).toEqual({
      problems: [{ code: 'MAP_VALUE_INVALID', message: 'DTM01-2 is "20250230", which is not a date in format 102.', location: { segmentPosition: 3, element: 'DTM01-2' } }],
    });
  });
});

describe('EDIFACT maps, outbound problems at canonical paths', () => {
  const order = mapped(ORDERS) as Order;
  // Any MapOptions will do for an EDIFACT outbound map: its own options only add optional fields.
  const asContract: OutboundMap<Order> = orderToEdifactOrders;

  it('writes the order as it was read', () => {
    expect(asContract(order, DEFAULT_MAP_OPTIONS)).toMatchObject({ ok: true });
  });

  it('refuses text the syntax level cannot carry (lower case in UNOA), at its path', () => {
    const named = { ...order, parties: [order.parties[0], { role: 'seller', name: 'Retailer Inc' }] } as Order;
    expect(orderToEdifactOrders(named, { ...DEFAULT_MAP_OPTIONS, syntaxIdentifier: 'UNOA' })).toEqual({
      ok: false,
      problems: [
        {
          code: 'MAP_VALUE_INVALID',
          message: `"Retailer Inc" has "e" at character 2, which syntax level UNOA (level A: upper-case letters, digits, space and . , - ( ) / = ' + : ? ! " % & * ; < >) cannot carry.`,
          location: { path: '/parties/1/name' },
        },
      ],
    });
    expect(orderToEdifactOrders(named, { ...DEFAULT_MAP_OPTIONS, syntaxIdentifier: 'UNOC' })).toMatchObject({ ok: true });
  });

  it('writes the decimal mark it is told, and the partner codes back', () => {
    const result = orderToEdifactOrders(order, { ...DEFAULT_MAP_OPTIONS, decimalMark: ',', unitsOfMeasure: { PCE: 'EA' }, codeTranslations: { NAD01: { WH: 'SU' } } });
    expect(result.ok && result.value).toEqual(
      expect.arrayContaining([
        { tag: 'PRI', elements: [['AAA', '9,99']] },
        { tag: 'QTY', elements: [['21', '10', 'PCE']] },
        expect.objectContaining({ tag: 'NAD', elements: expect.arrayContaining(['WH']) }),
      ]),
    );
  });

  it('refuses a directory it does not write, and a status it has no code for', () => {
    expect(orderToEdifactOrders({ ...order, source: { ...order.source, version: 'D97A' } }, DEFAULT_MAP_OPTIONS)).toMatchObject({
      ok: false,
      problems: [{ code: 'MAP_CODE_UNKNOWN', location: { path: '/source/version' } }],
    });
    const status: ShipmentStatus = {
      kind: 'shipment-status',
      source: order.source,
      shipmentId: 'SH1',
      parties: [],
      events: [{ status: 'out-for-delivery', at: { date: '2025-01-07' } }],
    };
    expect(shipmentStatusToEdifactIftsta(status, DEFAULT_MAP_OPTIONS)).toEqual({
      ok: false,
      problems: [{ code: 'MAP_CODE_UNKNOWN', message: 'There is no STS02 status event code for "out-for-delivery" in this map.', location: { path: '/events/0/status' } }],
    });
  });
});
