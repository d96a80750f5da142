import { describe, expect, it } from '@jest/globals';
import type { Order } from '../../translators/canonical/index.js';
import { forPartner } from '../../translators/maps/date-formats.js';
import { DEFAULT_MAP_OPTIONS, type DateFormats, type MapOptions, type MapResult, type OutboundSegment } from '../../translators/maps/map-contract.js';
import { orderToEdifactOrders } from '../../translators/maps/order-to-edifact-orders.js';
import { orderToX12850 } from '../../translators/maps/order-to-x12-850.js';
import { shipNoticeToX12856 } from '../../translators/maps/ship-notice-to-x12-856.js';
import { shipmentStatusToX12214 } from '../../translators/maps/shipment-status-to-x12-214.js';
import { x12214ToShipmentStatus } from '../../translators/maps/x12-214-to-shipment-status.js';
import { x12850ToOrder } from '../../translators/maps/x12-850-to-order.js';
import { order as orderExample, shipmentStatus, shipNotice } from './canonical-examples.js';
import { mapFile } from './maps-edifact-support.js';
import { interchange, readSets } from './maps-x12-read.js';

// A partner's dateFormats in the maps of both standards: a time without a zone read in the partner's zone,
// and dates and times written to the minute or second, in the date format and on the clock the partner asked for.

const withFormats = (dateFormats: DateFormats): MapOptions => ({ ...DEFAULT_MAP_OPTIONS, dateFormats });
const CHICAGO = withFormats({ date: 'CCYYMMDD', time: 'HHMM', timeZone: 'America/Chicago' });

/** Segments as they read in an X12 file, without the trailing empty elements. */
const x12Lines = (segments: readonly OutboundSegment[]) => segments.map((segment) => [segment.tag, ...segment.elements].join('*').replace(/\*+$/, ''));

function written<T>(map: (document: T, options: MapOptions) => MapResult<readonly OutboundSegment[]>, document: T, options: MapOptions): readonly OutboundSegment[] {
  const result = map(document, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('X12 with a partner whose profile gives dateFormats', () => {
  const ORDER = [
    'BEG*00*SA*PO-4711**20250303',
    'DTM*004*20250303*0915',
    'DTM*002*20250310*0800*ES',
    'DTM*001*20250320*1700*LT',
    'DTM*037****D8*20250305',
    'DTM*010****DT*202503041200',
    'PO1*1*12*EA*2.50**BP*SKU-1',
    'CTT*1',
  ];

  function readOrder(options: MapOptions): Order['dates'] {
    const [set] = readSets(interchange('850', '004010', ORDER));
    if (!set) throw new Error('no set read');
    const result = x12850ToOrder(set.tree, set.source, options);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.value.dates;
  }

  it("reads a time without a time code in the partner's zone, and nothing else differently", () => {
    expect(readOrder(CHICAGO)).toEqual({
      ordered: { date: '2025-03-03', time: '09:15', timeZone: 'America/Chicago' },
      requestedDelivery: { date: '2025-03-10', time: '08:00', utcOffset: '-05:00' },
      // LT is a time code: the local time of the place, which need not be the partner's zone.
      cancelAfter: { date: '2025-03-20', time: '17:00' },
      shipNotBefore: { date: '2025-03-05' },
      requestedShip: { date: '2025-03-04', time: '12:00', timeZone: 'America/Chicago' },
    });
  });

  it('adds no zone when the profile names none', () => {
    expect(readOrder(withFormats({ date: 'CCYYMMDD', time: 'HHMM' }))).toEqual(readOrder(DEFAULT_MAP_OPTIONS));
    expect(readOrder(DEFAULT_MAP_OPTIONS).ordered).toEqual({ date: '2025-03-03', time: '09:15' });
  });

  it("reads a 214 status time without AT707 in the partner's zone", () => {
    const [set] = readSets(interchange('214', '004010', ['B10*PRO-1*SHIP-1*ABCD', 'LX*1', 'AT7*D1*NS***20250310*0810', 'MS1*MADISON*WI*US']));
    if (!set) throw new Error('no set read');
    expect(x12214ToShipmentStatus(set.tree, set.source, CHICAGO)).toMatchObject({ ok: true, value: { events: [{ at: { date: '2025-03-10', time: '08:10', timeZone: 'America/Chicago' } }] } });
  });

  const order: Order = {
    ...orderExample,
    dates: {
      ordered: { date: '2025-03-04', time: '03:15:40', utcOffset: '+01:00' },
      requestedDelivery: { date: '2025-03-10', time: '08:00:30' },
      cancelAfter: { date: '2025-03-20', time: '17:00', timeZone: 'America/Chicago' },
    },
  };
  const dates = (options: MapOptions) => x12Lines(written(orderToX12850, order, options)).filter((line) => /^(BEG|DTM)/.test(line));

  it("writes times to the minute, on the partner's clock and without a time code, the order date's day included", () => {
    expect(dates(CHICAGO)).toEqual([
      // 03:15 at +01:00 is 20:15 the day before in Chicago (CST, -06:00): BEG05 says that day too.
      'BEG*00*SA*PO-4711**20250303',
      'DTM*004*20250303*2015',
      // No zone: nothing to convert, and the seconds the partner does not write are left out.
      'DTM*002*20250310*0800',
      'DTM*001*20250320*1700',
    ]);
  });

  it('writes times to the second when the profile says HHMMSS, giving a time to the minute 00 seconds', () => {
    expect(dates(withFormats({ date: 'CCYYMMDD', time: 'HHMMSS', timeZone: 'America/Chicago' }))).toEqual([
      'BEG*00*SA*PO-4711**20250303',
      'DTM*004*20250303*201540',
      'DTM*002*20250310*080030',
      'DTM*001*20250320*170000',
    ]);
  });

  it("keeps a time's own zone, as its time code, when the partner's zone is unknown", () => {
    const chicagoOnly: Order = { ...order, dates: { ordered: { date: '2025-03-04' }, cancelAfter: order.dates.cancelAfter } };
    expect(x12Lines(written(orderToX12850, chicagoOnly, withFormats({ date: 'CCYYMMDD', time: 'HHMMSS' }))).filter((line) => line.startsWith('DTM'))).toEqual(['DTM*001*20250320*170000*CT']);
  });

  it('writes as the document has it without dateFormats', () => {
    expect(x12Lines(written(orderToX12850, { ...order, dates: { ...order.dates, ordered: { date: '2025-03-04' } } }, DEFAULT_MAP_OPTIONS)).filter((line) => line.startsWith('DTM'))).toEqual([
      'DTM*002*20250310*080030',
      'DTM*001*20250320*1700*CT',
    ]);
  });

  it('writes BSN04 in the format the profile gives', () => {
    const bsn = (options: MapOptions) => x12Lines(written(shipNoticeToX12856, shipNotice, options)).find((line) => line.startsWith('BSN'));
    expect(bsn(DEFAULT_MAP_OPTIONS)).toBe('BSN*00*SH-900*20250308*164530*0001');
    expect(bsn(CHICAGO)).toBe('BSN*00*SH-900*20250308*1645*0001');
  });

  it("converts 214 status times to the partner's zone, across its change to daylight saving time", () => {
    const at7 = x12Lines(written(shipmentStatusToX12214, shipmentStatus, withFormats({ date: 'CCYYMMDD', time: 'HHMM', timeZone: 'America/New_York' }))).filter((line) => line.startsWith('AT7'));
    // 17:10 in Chicago (CST) is 18:10 EST; 06:00 at -05:00 on 9 March is 11:00 UTC, after New York went to EDT (-04:00).
    expect(at7).toEqual(['AT7*AF*NS***20250308*1810', 'AT7*SD*AO***20250309*0700']);
  });
});

describe('EDIFACT with a partner whose profile gives dateFormats', () => {
  const BERLIN = withFormats({ date: 'YYMMDD', time: 'HHMMSS', timeZone: 'Europe/Berlin' });
  const message = (dtms: readonly string[]) =>
    [
      "UNB+UNOC:3+5412345000013:14+5412345000020:14+250107:1305+REF1'",
      "UNH+1+ORDERS:D:96A:UN'",
      "BGM+220+PO1001+9'",
      ...dtms.map((dtm) => `${dtm}'`),
      "LIN+1++4000862141404:SRV'",
      "QTY+21:10'",
      "UNS+S'",
      `UNT+${dtms.length + 6}+1'`,
      "UNZ+1+REF1'",
    ].join('\n');
  const read = (dtms: readonly string[], options: MapOptions) => mapFile(Buffer.from(message(dtms), 'latin1'), options)[0] as Order;
  const DTMS = ['DTM+137:250107:101', 'DTM+2:20250108130559:204', 'DTM+10:2501071305:201', 'DTM+61:202501091305-05:303'];

  it("reads a time in a format without a zone in the partner's zone, and nothing else differently", () => {
    expect(read(DTMS, BERLIN).dates).toEqual({
      ordered: { date: '2025-01-07' },
      requestedDelivery: { date: '2025-01-08', time: '13:05:59', timeZone: 'Europe/Berlin' },
      requestedShip: { date: '2025-01-07', time: '13:05', timeZone: 'Europe/Berlin' },
      cancelAfter: { date: '2025-01-09', time: '13:05', utcOffset: '-05:00' },
    });
    expect(read(DTMS, withFormats({ date: 'YYMMDD', time: 'HHMMSS' })).dates).toEqual(read(DTMS, DEFAULT_MAP_OPTIONS).dates);
  });

  const dtms = (dates: Order['dates'], options: MapOptions) =>
    written(orderToEdifactOrders, { ...orderExample, source: { ...orderExample.source, standard: 'EDIFACT', version: 'D96A' }, dates }, options)
      .filter((segment) => segment.tag === 'DTM')
      .map((segment) => segment.elements[0]);

  const dates: Order['dates'] = {
    ordered: { date: '2025-01-07' },
    requestedDelivery: { date: '2025-01-08', time: '13:05' },
    cancelAfter: { date: '2025-01-09', time: '23:30:15.5', utcOffset: '-05:00' },
    requestedShip: { date: '2025-07-01', time: '12:00', timeZone: 'America/New_York' },
  };

  it("writes a date alone as YYMMDD (101), and times to the second (204) on the partner's clock", () => {
    expect(dtms(dates, BERLIN)).toEqual([
      ['137', '250107', '101'],
      ['10', '20250701180000', '204'],
      ['2', '20250108130500', '204'],
      // 23:30:15 at -05:00 is 05:30:15 the next day in Berlin; the hundredths no HHMMSS carries are left out.
      ['61', '20250110053015', '204'],
    ]);
  });

  it('writes times to the minute (203) when the profile says HHMM, and keeps their zone when the partner has none', () => {
    expect(dtms(dates, withFormats({ date: 'CCYYMMDD', time: 'HHMM' }))).toEqual([
      ['137', '20250107', '102'],
      ['10', '202507011200America/New_York', '303'],
      ['2', '202501081305', '203'],
      ['61', '202501092330-0500', '303'],
    ]);
  });

  it('keeps the century of a date YYMMDD would put in another one', () => {
    expect(dtms({ ordered: { date: '1999-12-31' } }, BERLIN)).toEqual([['137', '19991231', '102']]);
  });

  it('writes back what it read from the partner', () => {
    const plain = ['DTM+137:250107:101', 'DTM+2:20250108130559:204'];
    expect(dtms(read(plain, BERLIN).dates, BERLIN)).toEqual(plain.map((dtm) => dtm.slice(4).split(':')));
  });
});

describe("a time on the partner's clock", () => {
  const utc = withFormats({ date: 'CCYYMMDD', time: 'HHMM', timeZone: 'UTC' });

  it("takes a zone's offset on either side of its change of clocks", () => {
    expect(forPartner({ date: '2025-03-09', time: '01:30', timeZone: 'America/Chicago' }, utc)).toEqual({ date: '2025-03-09', time: '07:30' });
    expect(forPartner({ date: '2025-03-09', time: '03:30', timeZone: 'America/Chicago' }, utc)).toEqual({ date: '2025-03-09', time: '08:30' });
    expect(forPartner({ date: '2025-10-26', time: '12:00', timeZone: 'Europe/Berlin' }, utc)).toEqual({ date: '2025-10-26', time: '11:00' });
  });

  it("leaves a time in the partner's own zone as it reads, without the zone", () => {
    const chicago = withFormats({ date: 'CCYYMMDD', time: 'HHMM', timeZone: 'America/Chicago' });
    expect(forPartner({ date: '2025-03-09', time: '02:30', timeZone: 'America/Chicago' }, chicago)).toEqual({ date: '2025-03-09', time: '02:30' });
  });

  it('leaves a date alone as it is', () => {
    expect(forPartner({ date: '2025-03-09' }, utc)).toEqual({ date: '2025-03-09' });
  });
});
