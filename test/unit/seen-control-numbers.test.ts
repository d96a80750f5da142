import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SeenControlNumbers } from '../../translators/seen-control-numbers.js';

describe('control numbers seen in an envelope', () => {
  it('finds a number used twice, telling 0042 from 42 and digits from other text', () => {
    const seen = new SeenControlNumbers();
    expect(['0001', '0002', '0003', '42', '0042', 'A17', '1000000000'].map((value) => seen.add(value))).toEqual([true, true, true, true, true, true, true]);
    expect(['0002', '42', '0042', 'A17', '1000000000', '0004'].map((value) => seen.add(value))).toEqual([false, false, false, false, false, true]);
  });

  it('answers as a plain set would, whatever the order the numbers come in', () => {
    const numbers = fc.oneof(fc.integer({ min: 0, max: 60 }).map((value) => String(value).padStart(4, '0')), fc.constantFrom('7', '07', 'X1', ''));
    fc.assert(
      fc.property(fc.array(numbers, { maxLength: 200 }), (values) => {
        const seen = new SeenControlNumbers();
        const plain = new Set<string>();
        for (const value of values) {
          expect(seen.add(value)).toBe(!plain.has(value));
          plain.add(value);
        }
      }),
    );
  });

  it('finds a number used again inside a long run counted up one by one, and after runs broken many times', () => {
    const seen = new SeenControlNumbers();
    for (let number = 1; number <= 100_000; number += 1) seen.add(String(number).padStart(9, '0'));
    expect(seen.add('000050000')).toBe(false);
    for (let number = 200_000; number < 200_100; number += 2) seen.add(String(number));
    expect([seen.add('200098'), seen.add('200099'), seen.add('100001')]).toEqual([false, true, true]);
  });
});
