import { loop, segment, UNBOUNDED, type TransactionSetSpec } from '../spec-types.js';

// The 999 as the Implementation Acknowledgment guide (005010X231A1) lays it out. Its loops carry the guide's
// numbers (2000, 2100, 2110) instead of the tag of their first segment: the guide names them so, and the
// acknowledgments and partners that refer to a 999 loop use those numbers. In 2100 the CTX repeats for the
// segment context and for the business unit identifier (9 + 1); in 2110 it gives the element context.

export const spec: TransactionSetSpec = {
  id: '999',
  name: 'Implementation Acknowledgment',
  functionalId: 'FA',
  version: '005010',
  body: [
    segment('0100', 'ST', 'M', 1),
    segment('0200', 'AK1', 'M', 1),
    loop('2000', 'O', UNBOUNDED, [
      segment('0300', 'AK2', 'M', 1),
      loop('2100', 'O', UNBOUNDED, [
        segment('0400', 'IK3', 'M', 1),
        segment('0500', 'CTX', 'O', 10),
        loop('2110', 'O', 99, [
          segment('0600', 'IK4', 'M', 1),
          segment('0700', 'CTX', 'O', 10),
        ]),
      ]),
      segment('0800', 'IK5', 'M', 1),
    ]),
    segment('0900', 'AK9', 'M', 1),
    segment('1000', 'SE', 'M', 1),
  ],
};
