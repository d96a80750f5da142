import { describe, expect, it } from '@jest/globals';
import type { Order } from '../../translators/canonical/index.js';
import { DEFAULT_MAP_OPTIONS } from '../../translators/maps/map-contract.js';
import { orderToEdifactOrders } from '../../translators/maps/order-to-edifact-orders.js';
import { mapFile } from './maps-edifact-support.js';

// DTM C507 and the canonical DateTime both ways: exactly what was sent, no midnight, seconds or zone made up.

const order = (dtm: string) =>
  [
    "UNB+UNOC:3+5412345000013:14+5412345000020:14+250107:1305+REF1'",
    "UNH+1+ORDERS:D:01B:UN'",
    "BGM+220+PO1001+9'",
    `${dtm}'`,
    "LIN+1++4000862141404:SRV'",
    "QTY+21:10'",
    "UNS+S'",
    "UNT+7+1'",
    "UNZ+1+REF1'",
  ].join('\n');

const ordered = (dtm: string) => (mapFile(Buffer.from(order(dtm), 'latin1'), DEFAULT_MAP_OPTIONS)[0] as Order).dates?.ordered;

describe('EDIFACT dates', () => {
  it.each([
    ['DTM+137:20250107:102', { date: '2025-01-07' }],
    ['DTM+137:250107:101', { date: '2025-01-07' }],
    ['DTM+137:20250107', { date: '2025-01-07' }],
    ['DTM+137:202501071305:203', { date: '2025-01-07', time: '13:05' }],
    ['DTM+137:2501071305:201', { date: '2025-01-07', time: '13:05' }],
    ['DTM+137:20250107130559:204', { date: '2025-01-07', time: '13:05:59' }],
    ['DTM+137:202501071305?+0100:205', { date: '2025-01-07', time: '13:05', utcOffset: '+01:00' }],
    ['DTM+137:202501071305-05:303', { date: '2025-01-07', time: '13:05', utcOffset: '-05:00' }],
    ['DTM+137:20250107130559UTC:304', { date: '2025-01-07', time: '13:05:59', timeZone: 'UTC' }],
  ])('reads %s', (dtm, expected) => {
    expect(ordered(dtm)).toEqual(expected);
  });

  it('refuses a format that is not one date', () => {
    expect(mapFile(Buffer.from(order('DTM+137:2025010720250131:718'), 'latin1'), DEFAULT_MAP_OPTIONS)[0]).toMatchObject({
      problems: [{ code: 'MAP_VALUE_INVALID', location: { segmentPosition: 3, element: 'DTM01-3' } }],
    });
  });

  it.each([
    [{ date: '2025-01-07' }, ['137', '20250107', '102']],
    [{ date: '2025-01-07', time: '13:05' }, ['137', '202501071305', '203']],
    [{ date: '2025-01-07', time: '13:05:59' }, ['137', '20250107130559', '204']],
    [{ date: '2025-01-07', time: '13:05', utcOffset: '+01:00' }, ['137', '202501071305+0100', '303']],
    [{ date: '2025-01-07', time: '13:05:59', timeZone: 'Europe/Brussels' }, ['137', '20250107130559Europe/Brussels', '304']],
  ])('writes %j', (dateTime, dtm) => {
    const read = mapFile(Buffer.from(order('DTM+137:20250107:102'), 'latin1'), DEFAULT_MAP_OPTIONS)[0] as Order;
    const result = orderToEdifactOrders({ ...read, dates: { ordered: dateTime } }, DEFAULT_MAP_OPTIONS);
    expect(result.ok && result.value).toContainEqual({ tag: 'DTM', elements: [dtm] });
  });

  it('refuses hundredths of a second, which no DTM format carries', () => {
    const read = mapFile(Buffer.from(order('DTM+137:20250107:102'), 'latin1'), DEFAULT_MAP_OPTIONS)[0] as Order;
    expect(orderToEdifactOrders({ ...read, dates: { ordered: { date: '2025-01-07', time: '13:05:59.25' } } }, DEFAULT_MAP_OPTIONS)).toMatchObject({
      ok: false,
      problems: [{ code: 'MAP_VALUE_INVALID', location: { path: '/dates/ordered/time' } }],
    });
  });
});
