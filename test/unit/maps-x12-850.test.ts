import { describe, expect, it } from '@jest/globals';
import type { Order } from '../../translators/canonical/index.js';
import { DEFAULT_MAP_OPTIONS, type MapOptions } from '../../translators/maps/map-contract.js';
import { orderToX12850 } from '../../translators/maps/order-to-x12-850.js';
import { x12850ToOrder } from '../../translators/maps/x12-850-to-order.js';
import { interchange, readSets } from './maps-x12-read.js';

// The 850 map's refusals, each beside the good case it breaks: the place (segment position and element) or the
// canonical path, and what support reads.

const GOOD = ['BEG*00*SA*PO-1**20250303', 'N1*ST*Dock 4*92*0004', 'PO1*1*12*EA*2.50**BP*SKU-1', 'CTT*1'];

function mapBody(body: readonly string[], options: MapOptions = DEFAULT_MAP_OPTIONS, version: '004010' | '005010' = '004010') {
  const [set] = readSets(interchange('850', version, body));
  if (!set) throw new Error('no set read');
  return x12850ToOrder(set.tree, set.source, options);
}

function order(): Order {
  const result = mapBody(GOOD);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('850 to Order', () => {
  it('maps the good case', () => {
    expect(order()).toMatchObject({
      orderNumber: 'PO-1',
      dates: { ordered: { date: '2025-03-03' } },
      parties: [{ role: 'ship-to', name: 'Dock 4', identifiers: [{ qualifier: 'buyer-assigned', value: '0004' }] }],
      lines: [{ lineNumber: '1', item: { buyerItem: 'SKU-1' }, quantity: { value: '12', unit: 'EA' }, unitPrice: { amount: '2.50', currency: 'USD' } }],
    });
  });

  it('says where the purchase order number is missing', () => {
    expect(mapBody(GOOD.map((line, index) => (index === 0 ? 'BEG*00*SA***20250303' : line)))).toEqual({
      ok: false,
      problems: [{ code: 'MAP_VALUE_MISSING', message: 'BEG03, the purchase order number, is missing.', location: { segmentPosition: 2, element: 'BEG03' } }],
    });
  });

  it('refuses a quantity that is not a number', () => {
    expect(mapBody(GOOD.map((line) => line.replace('PO1*1*12*', 'PO1*1*12X*')))).toEqual({
      ok: false,
      problems: [{ code: 'MAP_VALUE_INVALID', message: 'PO102, the quantity ordered, is "12X", which is not a number.', location: { segmentPosition: 4, element: 'PO102' } }],
    });
  });

  it('refuses a unit neither the map nor the partner knows, and reads it once the profile says what it is', () => {
    const body = GOOD.map((line) => line.replace('*EA*', '*BG*'));
    expect(mapBody(body)).toEqual({
      ok: false,
      problems: [
        {
          code: 'MAP_CODE_UNKNOWN',
          message: 'PO103, the unit of the quantity ordered, is "BG", which this map does not know; add it to the partner\'s unit-of-measure table.',
          location: { segmentPosition: 4, element: 'PO103' },
        },
      ],
    });
    expect(mapBody(body, { ...DEFAULT_MAP_OPTIONS, unitsOfMeasure: { BG: 'BG' } })).toMatchObject({ ok: true, value: { lines: [{ quantity: { value: '12', unit: 'BG' } }] } });
  });

  it("reads a partner's own party role through its code translations, and writes it back", () => {
    const options = { ...DEFAULT_MAP_OPTIONS, codeTranslations: { N101: { WH: 'ST' } } };
    const body = GOOD.map((line) => line.replace('N1*ST', 'N1*WH'));
    expect(mapBody(body).ok).toBe(false);
    const result = mapBody(body, options);
    expect(result).toMatchObject({ ok: true, value: { parties: [{ role: 'ship-to' }] } });
    const written = result.ok ? orderToX12850(result.value, options) : undefined;
    expect(written).toMatchObject({ ok: true, value: expect.arrayContaining([{ tag: 'N1', elements: ['WH', 'Dock 4', '92', '0004'] }]) });
  });

  it('refuses a line without any number the item can be found by', () => {
    const result = mapBody(GOOD.map((line) => line.replace('BP*SKU-1', 'PD*GREEN')));
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'MAP_VALUE_MISSING', location: { segmentPosition: 4, element: 'PO106' } }] });
  });
});

describe('Order to 850', () => {
  it('writes the segments between ST and SE', () => {
    expect(orderToX12850(order(), DEFAULT_MAP_OPTIONS)).toEqual({
      ok: true,
      value: [
        { tag: 'BEG', elements: ['00', 'SA', 'PO-1', '', '20250303'] },
        { tag: 'CUR', elements: ['BY', 'USD'] },
        { tag: 'N1', elements: ['ST', 'Dock 4', '92', '0004'] },
        { tag: 'PO1', elements: ['1', '12', 'EA', '2.50', '', 'BP', 'SKU-1'] },
        { tag: 'CTT', elements: ['1'] },
      ],
    });
  });

  it("refuses a value holding one of the partner's delimiters, naming the field", () => {
    const named = { ...order(), parties: [{ role: 'ship-to' as const, name: 'Dock *4*' }] };
    expect(orderToX12850(named, { ...DEFAULT_MAP_OPTIONS, reservedCharacters: '*>^~' })).toEqual({
      ok: false,
      problems: [
        {
          code: 'MAP_VALUE_INVALID',
          message: '"Dock *4*" at /parties/0/name holds "*", a delimiter, which X12 cannot carry in this partner\'s interchanges.',
          location: { path: '/parties/0/name' },
        },
      ],
    });
  });

  it('refuses a unit with no X12 code and a price in a second currency', () => {
    const document = order();
    const [line] = document.lines;
    if (!line) throw new Error('no line');
    const mixed: Order = {
      ...document,
      lines: [{ ...line, quantity: { value: '1', unit: 'XPX' } }, { ...line, lineNumber: '2', unitPrice: { amount: '3', currency: 'EUR' } }],
    };
    expect(orderToX12850(mixed, DEFAULT_MAP_OPTIONS)).toMatchObject({
      ok: false,
      problems: [
        { code: 'MAP_VALUE_INVALID', location: { path: '/lines/1/unitPrice/currency' } },
        { code: 'MAP_CODE_UNKNOWN', location: { path: '/lines/0/quantity/unit' } },
      ],
    });
  });
});
