import { describe, expect, it } from '@jest/globals';
import type { ShipmentStatus } from '../../translators/canonical/index.js';
import { DEFAULT_MAP_OPTIONS, type MapOptions, type OutboundSegment } from '../../translators/maps/map-contract.js';
import { shipmentStatusToX12214 } from '../../translators/maps/shipment-status-to-x12-214.js';
import { x12214ToShipmentStatus } from '../../translators/maps/x12-214-to-shipment-status.js';
import { interchange, readSets, writeInterchange } from './maps-x12-read.js';

// The 214 map's statuses and reasons, the codes it refuses unless the partner's profile translates them, and
// where each version keeps references and parties, each bad case beside the good one.

const GOOD = ['B10*PRO-1*SHIP-1*ABCD', 'L11*BOL-1*BM', 'L11*PO-1*PO', 'N1*CN*CORNER STORE', 'LX*1', 'AT7*D1*NS***20250310*0810*CT', 'MS1*MADISON*WI*US'];

function mapBody(body: readonly string[], options: MapOptions = DEFAULT_MAP_OPTIONS, version: '004010' | '005010' = '004010') {
  const [set] = readSets(interchange('214', version, body));
  if (!set) throw new Error('no set read');
  expect(set.diagnostics).toEqual([]);
  return x12214ToShipmentStatus(set.tree, set.source, options);
}

function statusOf(body: readonly string[]): ShipmentStatus {
  const result = mapBody(body);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const replace = (from: string, to: string) => GOOD.map((line) => (line === from ? to : line));

/** The segments as they read in a file, without the trailing empty elements. */
const lines = (segments: readonly OutboundSegment[]) => segments.map((segment) => [segment.tag, ...segment.elements].join('*').replace(/\*+$/, ''));

function write(status: ShipmentStatus, options: MapOptions = DEFAULT_MAP_OPTIONS): string[] {
  const result = shipmentStatusToX12214(status, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return lines(result.value);
}

describe('214 to ShipmentStatus', () => {
  it('reads the good case', () => {
    expect(mapBody(GOOD)).toEqual({
      ok: true,
      value: expect.objectContaining({
        shipmentId: 'SHIP-1',
        proNumber: 'PRO-1',
        billOfLading: 'BOL-1',
        orderNumbers: ['PO-1'],
        parties: [
          { role: 'consignee', name: 'CORNER STORE' },
          { role: 'carrier', identifiers: [{ qualifier: 'scac', value: 'ABCD' }] },
        ],
        events: [{ status: 'delivered', reason: 'normal', at: { date: '2025-03-10', time: '08:10', timeZone: 'America/Chicago' }, location: { city: 'MADISON', region: 'WI', country: 'US' } }],
      }),
    });
  });

  it('refuses a status code it does not know, unless the partner translates it', () => {
    const body = replace('AT7*D1*NS***20250310*0810*CT', 'AT7*ZZ*NS***20250310*0810*CT');
    expect(mapBody(body)).toEqual({
      ok: false,
      problems: [
        {
          code: 'MAP_CODE_UNKNOWN',
          message: 'AT701 is "ZZ", a shipment status this map does not know; the partner\'s profile can translate it.',
          location: { segmentPosition: 7, element: 'AT701' },
        },
      ],
    });
    const translating = { ...DEFAULT_MAP_OPTIONS, codeTranslations: { AT701: { ZZ: 'D1' } } };
    expect(mapBody(body, translating)).toMatchObject({ ok: true, value: { events: [{ status: 'delivered', reason: 'normal' }] } });
  });

  it('refuses a reason code it does not know', () => {
    expect(mapBody(replace('AT7*D1*NS***20250310*0810*CT', 'AT7*SD*Q9***20250310*0810*CT'))).toMatchObject({
      ok: false,
      problems: [{ code: 'MAP_CODE_UNKNOWN', location: { segmentPosition: 7, element: 'AT702' } }],
    });
  });

  it('refuses a status without its date', () => {
    expect(mapBody(replace('AT7*D1*NS***20250310*0810*CT', 'AT7*D1*NS'))).toEqual({
      ok: false,
      problems: [{ code: 'MAP_VALUE_MISSING', message: 'AT705, the date of the status, is missing.', location: { segmentPosition: 7, element: 'AT705' } }],
    });
  });

  it('refuses a set without any AT7', () => {
    expect(mapBody(GOOD.slice(0, 5))).toMatchObject({ ok: false, problems: [{ code: 'MAP_VALUE_MISSING', location: { element: 'AT701' } }] });
  });

  it('takes the trouble a status code names as its reason, unless AT702 names another', () => {
    const event = (at7: string) => statusOf(replace('AT7*D1*NS***20250310*0810*CT', at7)).events[0];
    expect(event('AT7*A9*NS***20250310*0810')).toMatchObject({ status: 'exception', reason: 'damaged' });
    expect(event('AT7*A9*AO***20250310*0810')).toMatchObject({ status: 'exception', reason: 'weather' });
    expect(event('AT7***X9*NA*20250307*1600')).toMatchObject({ status: 'appointment-scheduled', reason: 'normal', at: { date: '2025-03-07', time: '16:00' } });
  });

  it('reads 005010 references and parties in each LX, a party named twice once', () => {
    const body = ['B10*PRO-1*SHIP-1*ABCD', 'LX*1', 'L11*BOL-1*BM', 'AT7*AF*NS***20250308*1710', 'N1*CN*CORNER STORE', 'LX*2', 'L11*PO-1*PO', 'AT7*D1*NS***20250310*0810', 'N1*CN*CORNER STORE'];
    expect(mapBody(body, DEFAULT_MAP_OPTIONS, '005010')).toMatchObject({
      ok: true,
      value: { billOfLading: 'BOL-1', orderNumbers: ['PO-1'], parties: [{ role: 'consignee' }, { role: 'carrier' }], events: [{ status: 'picked-up' }, { status: 'delivered' }] },
    });
  });
});

describe('ShipmentStatus to 214', () => {
  const status = statusOf(GOOD);
  const in5010: ShipmentStatus = { ...status, source: { ...status.source, version: '005010' } };

  it('keeps references and parties in the heading in 004010 and in the first LX in 005010', async () => {
    expect(write(status)).toEqual([
      'B10*PRO-1*SHIP-1*ABCD',
      'L11*BOL-1*BM',
      'L11*PO-1*PO',
      'N1*CN*CORNER STORE',
      'N1*CA**2*ABCD',
      'LX*1',
      'AT7*D1*NS***20250310*0810*CT',
      'MS1*MADISON*WI*US',
    ]);
    expect(write(in5010)).toEqual([
      'B10*PRO-1*SHIP-1*ABCD',
      'LX*1',
      'L11*BOL-1*BM',
      'L11*PO-1*PO',
      'AT7*D1*NS***20250310*0810*CT',
      'MS1*MADISON*WI*US',
      'N1*CN*CORNER STORE',
      'N1*CA**2*ABCD',
    ]);
    for (const document of [status, in5010]) {
      const result = shipmentStatusToX12214(document, DEFAULT_MAP_OPTIONS);
      if (!result.ok) throw new Error('refused');
      const [again] = readSets(await writeInterchange('214', document.source, result.value));
      expect(again?.diagnostics).toEqual([]);
    }
  });

  it('writes a reason 004010 pairs with its status as normal when there is none, and leaves it out in 005010', () => {
    const { reason: _reason, ...event } = status.events[0] as ShipmentStatus['events'][number];
    expect(write({ ...status, events: [event] })).toContain('AT7*D1*NS***20250310*0810*CT');
    expect(write({ ...in5010, events: [event] })).toContain('AT7*D1****20250310*0810*CT');
  });

  it("writes the partner's codes and the code that names the trouble", () => {
    const events: ShipmentStatus['events'] = [
      { status: 'exception', reason: 'damaged', at: { date: '2025-03-10' } },
      { status: 'exception', reason: 'weather', at: { date: '2025-03-10' } },
      { status: 'appointment-scheduled', at: { date: '2025-03-07', time: '16:00' } },
    ];
    expect(write({ ...status, events }).filter((line) => line.startsWith('AT7'))).toEqual(['AT7*A9*NS***20250310', 'AT7*AP*AO***20250310', 'AT7***X9*NA*20250307*1600']);
    expect(write(status, { ...DEFAULT_MAP_OPTIONS, codeTranslations: { AT701: { ZZ: 'D1' } } })).toContain('AT7*ZZ*NS***20250310*0810*CT');
  });

  it('stands the bill of lading in B1005/B1006 when there is no PRO number', () => {
    const { proNumber: _pro, ...withoutPro } = status;
    expect(write(withoutPro)[0]).toBe('B10**SHIP-1*ABCD**BM*BOL-1');
  });

  it('refuses a value holding a delimiter of the partner', () => {
    const options = { ...DEFAULT_MAP_OPTIONS, reservedCharacters: '*>^~' };
    expect(shipmentStatusToX12214({ ...status, billOfLading: 'BOL*1' }, options)).toEqual({
      ok: false,
      problems: [
        {
          code: 'MAP_VALUE_INVALID',
          message: '"BOL*1" at /billOfLading holds "*", a delimiter, which X12 cannot carry in this partner\'s interchanges.',
          location: { path: '/billOfLading' },
        },
      ],
    });
  });

  it('refuses a status it has no code for, and what MS1 and MS2 cannot hold', () => {
    const events: ShipmentStatus['events'] = [
      {
        status: 'out-for-delivery',
        at: { date: '2025-03-10' },
        location: { street: ['1 Main St'], city: 'MADISON', region: 'WI' },
        equipment: { number: 'TRL-88', seals: ['S1'] },
      },
    ];
    expect(shipmentStatusToX12214({ ...in5010, events }, DEFAULT_MAP_OPTIONS)).toEqual({
      ok: false,
      problems: [
        { code: 'MAP_CODE_UNKNOWN', message: 'There is no AT701 code for the status "out-for-delivery" in this map.', location: { path: '/events/0/status' } },
        { code: 'MAP_VALUE_INVALID', message: 'The location at /events/0/location has a street; MS1 has no element for a street.', location: { path: '/events/0/location/street' } },
        { code: 'MAP_VALUE_INVALID', message: 'The equipment at /events/0/equipment has seals; MS2 has no room for them.', location: { path: '/events/0/equipment/seals' } },
        {
          code: 'MAP_VALUE_INVALID',
          message: "The equipment number TRL-88 at /events/0/equipment has no owner's code in front (4 letters, as in ABCU1234567); 005010 MS2 needs one in MS201 (P0102).",
          location: { path: '/events/0/equipment/number' },
        },
      ],
    });
  });

  it('refuses a status without a carrier SCAC for B1003', () => {
    expect(shipmentStatusToX12214({ ...status, parties: [] }, DEFAULT_MAP_OPTIONS)).toMatchObject({ ok: false, problems: [{ code: 'MAP_VALUE_MISSING', location: { path: '/parties' } }] });
  });
});
