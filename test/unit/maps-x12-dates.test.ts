import { describe, expect, it } from '@jest/globals';
import { DEFAULT_MAP_OPTIONS, type MapProblem } from '../../translators/maps/map-contract.js';
import { calendarDateFromX12, dateTimeOut } from '../../translators/maps/x12-dates.js';

// X12 dates keep exactly what was sent: a six-digit date gets its century and nothing else is made up.

describe('X12 dates', () => {
  it('gives six-digit dates a century: 00-49 is 20xx, 50-99 is 19xx', () => {
    expect(calendarDateFromX12('971107')).toBe('1997-11-07');
    expect(calendarDateFromX12('250303')).toBe('2025-03-03');
    expect(calendarDateFromX12('20250303')).toBe('2025-03-03');
    expect(calendarDateFromX12('20250230')).toBeUndefined();
  });

  it('writes a date alone as a date alone, and a zone as its time code', () => {
    expect(dateTimeOut({ date: '2025-03-03' }, 'DTM04', '/dates/ordered', DEFAULT_MAP_OPTIONS, [])).toEqual({ date: '20250303' });
    expect(dateTimeOut({ date: '2025-03-03', time: '09:15:30.5', utcOffset: '-06:00' }, 'DTM04', '/dates/ordered', DEFAULT_MAP_OPTIONS, [])).toEqual({
      date: '20250303',
      time: '0915305',
      timeCode: 'CS',
    });
  });

  it('refuses a zone no time code names', () => {
    const problems: MapProblem[] = [];
    dateTimeOut({ date: '2025-03-03', time: '09:15', utcOffset: '+01:00' }, 'DTM04', '/dates/ordered', DEFAULT_MAP_OPTIONS, problems);
    expect(problems).toMatchObject([{ code: 'MAP_VALUE_INVALID', location: { path: '/dates/ordered' } }]);
  });
});
