import { describe, expect, it } from '@jest/globals';
import { DEFAULT_MAP_OPTIONS } from '../../translators/maps/map-contract.js';
import { shipNoticeToX12856 } from '../../translators/maps/ship-notice-to-x12-856.js';
import { x12856ToShipNotice } from '../../translators/maps/x12-856-to-ship-notice.js';
import { interchange, readSets } from './maps-x12-read.js';

// The 856 map's hierarchy: parents found by HL02 wherever they stand, and the layouts it refuses, each
// beside the good case.

const GOOD = ['BSN*00*SHIP-1*20250304*1415*0001', 'HL*1**S*1', 'HL*2*1*O*1', 'PRF*PO-1', 'HL*3*2*P*1', 'MAN*GM*000614141000000021', 'HL*4*3*I*0', 'LIN*1*BP*SKU-1', 'SN1**6*EA', 'CTT*4'];

function mapBody(body: readonly string[]) {
  const [set] = readSets(interchange('856', '004010', body));
  if (!set) throw new Error('no set read');
  return x12856ToShipNotice(set.tree, set.source, DEFAULT_MAP_OPTIONS);
}

const replace = (from: string, to: string) => GOOD.map((line) => (line === from ? to : line));

describe('856 to ShipNotice', () => {
  it('nests the good case', () => {
    expect(mapBody(GOOD)).toMatchObject({
      ok: true,
      value: { shipmentId: 'SHIP-1', orders: [{ orderNumber: 'PO-1', cartons: [{ sscc: '000614141000000021', items: [{ orderLineNumber: '1', quantity: { value: '6', unit: 'EA' } }] }] }] },
    });
  });

  it('finds a parent by HL02 even when the child comes first', () => {
    const body = ['BSN*00*SHIP-1*20250304*1415*0001', 'HL*1**S*1', 'HL*2*1*O*1', 'PRF*PO-1', 'HL*4*3*I*0', 'LIN*1*BP*SKU-1', 'SN1**6*EA', 'HL*3*2*P*1', 'CTT*4'];
    expect(mapBody(body)).toMatchObject({ ok: true, value: { orders: [{ cartons: [{ items: [{ item: { buyerItem: 'SKU-1' } }] }] }] } });
  });

  it('refuses an HL02 naming a parent that is not there', () => {
    expect(mapBody(replace('HL*4*3*I*0', 'HL*4*9*I*0'))).toEqual({
      ok: false,
      problems: [
        { code: 'MAP_VALUE_INVALID', message: 'HL02 names parent 9, which no HL01 in the set has.', location: { segmentPosition: 8, element: 'HL02' } },
        { code: 'MAP_VALUE_MISSING', message: 'The pack level HL 3 holds no item level; a carton says what is in it.', location: { segmentPosition: 6, element: 'HL04' } },
      ],
    });
  });

  it('refuses an HL01 used twice and a ring of parents', () => {
    const result = mapBody(['BSN*00*SHIP-1*20250304*1415*0001', 'HL*1**S*1', 'HL*2*1*O*1', 'PRF*PO-1', 'HL*2*1*O*1', 'PRF*PO-2', 'HL*5*6*P*1', 'HL*6*5*P*1', 'CTT*4']);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { code: 'MAP_VALUE_INVALID', message: 'HL01 is 2, the number of an earlier HL; each level needs its own.', location: { segmentPosition: 6, element: 'HL01' } },
        { code: 'MAP_VALUE_INVALID', location: { segmentPosition: 8, element: 'HL02' } },
        { code: 'MAP_VALUE_INVALID', location: { segmentPosition: 9, element: 'HL02' } },
      ],
    });
  });

  it('refuses a tare above its orders and a level code it does not know', () => {
    const shared = ['BSN*00*SHIP-1*20250304*1415*0001', 'HL*1**S*1', 'HL*2*1*T*1', 'HL*3*2*O*1', 'PRF*PO-1', 'HL*4*3*X*0', 'CTT*4'];
    expect(mapBody(shared)).toEqual({
      ok: false,
      problems: [
        {
          code: 'MAP_VALUE_INVALID',
          message: 'HL 2 is a tare level under a shipment level (HL 1); the ship notice keeps shipment, order, tare, pack and item in that order.',
          location: { segmentPosition: 4, element: 'HL03' },
        },
      ],
    });
    expect(mapBody(replace('HL*3*2*P*1', 'HL*3*2*X*1'))).toMatchObject({ ok: false, problems: [{ code: 'MAP_CODE_UNKNOWN', location: { segmentPosition: 6, element: 'HL03' } }] });
  });
});

describe('ShipNotice to 856', () => {
  it('writes the hierarchy with HL numbering and CTT', () => {
    const notice = mapBody(GOOD);
    if (!notice.ok) throw new Error('good case refused');
    expect(shipNoticeToX12856(notice.value, DEFAULT_MAP_OPTIONS)).toEqual({
      ok: true,
      value: [
        { tag: 'BSN', elements: ['00', 'SHIP-1', '20250304', '1415', '0001'] },
        { tag: 'HL', elements: ['1', '', 'S', '1'] },
        { tag: 'HL', elements: ['2', '1', 'O', '1'] },
        { tag: 'PRF', elements: ['PO-1', '', '', ''] },
        { tag: 'HL', elements: ['3', '2', 'P', '1'] },
        { tag: 'MAN', elements: ['GM', '00000614141000000021'] },
        { tag: 'HL', elements: ['4', '3', 'I', '0'] },
        { tag: 'LIN', elements: ['1', 'BP', 'SKU-1'] },
        { tag: 'SN1', elements: ['', '6', 'EA'] },
        { tag: 'CTT', elements: ['4'] },
      ],
    });
  });

  it('refuses a notice whose date has no time, which BSN04 requires', () => {
    const notice = mapBody(GOOD);
    if (!notice.ok) throw new Error('good case refused');
    const dateOnly = { ...notice.value, dates: { issued: { date: '2025-03-04' } } };
    expect(shipNoticeToX12856(dateOnly, DEFAULT_MAP_OPTIONS)).toMatchObject({ ok: false, problems: [{ code: 'MAP_VALUE_MISSING', location: { path: '/dates/issued/time' } }] });
  });
});
