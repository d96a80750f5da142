import { loop, segment, UNBOUNDED, type TransactionSetSpec } from '../spec-types.js';

// 005010 numbers positions in four digits; the 997 is a single table, so they run from ST to SE.

export const spec: TransactionSetSpec = {
  id: '997',
  name: 'Functional Acknowledgment',
  functionalId: 'FA',
  version: '005010',
  body: [
    segment('0100', 'ST', 'M', 1),
    segment('0200', 'AK1', 'M', 1),
    loop('AK2', 'O', UNBOUNDED, [
      segment('0300', 'AK2', 'M', 1),
      loop('AK3', 'O', UNBOUNDED, [
        segment('0400', 'AK3', 'M', 1),
        segment('0500', 'AK4', 'O', 99),
      ]),
      segment('0600', 'AK5', 'M', 1),
    ]),
    segment('0700', 'AK9', 'M', 1),
    segment('0800', 'SE', 'M', 1),
  ],
};
