import { loop, segment, type TransactionSetSpec } from '../spec-types.js';

// Positions restart in each table: the heading (ST, B10, MS3) and the detail, which is the LX loop with SE
// after it. Loops are named by the tag of their first segment. In this release the references (L11) and the
// parties (N1 loop) belong to each status (LX loop), not to the heading, so a set laid out the 004010 way, with
// L11 or N1 before the first LX, is out of sequence here.

export const spec: TransactionSetSpec = {
  id: '214',
  name: 'Transportation Carrier Shipment Status Message',
  functionalId: 'QM',
  version: '005010',
  body: [
    // Heading
    segment('0100', 'ST', 'M', 1),
    segment('0200', 'B10', 'M', 1),
    segment('0300', 'MS3', 'O', 12),

    // Detail
    loop('LX', 'M', 999999, [
      segment('0100', 'LX', 'M', 1),
      segment('0200', 'L11', 'O', 999),
      segment('0300', 'MAN', 'O', 9999),
      segment('0400', 'Q7', 'O', 10),
      segment('0500', 'K1', 'O', 10),
      segment('0600', 'AT5', 'O', 10),
      segment('0700', 'AT8', 'O', 10),
      loop('AT7', 'M', 10, [
        segment('0800', 'AT7', 'M', 1),
        segment('0900', 'MS1', 'O', 1),
        segment('1000', 'MS2', 'O', 2),
        segment('1100', 'K1', 'O', 1),
        segment('1200', 'M7', 'O', 1),
      ]),
      loop('N1', 'O', 5, [
        segment('1300', 'N1', 'M', 1),
        segment('1400', 'N2', 'O', 1),
        segment('1500', 'N3', 'O', 2),
        segment('1600', 'N4', 'O', 1),
        segment('1700', 'G62', 'O', 1),
        segment('1800', 'L11', 'O', 10),
      ]),
      loop('OID', 'O', 999999, [
        segment('1900', 'OID', 'M', 1),
        segment('2000', 'SDQ', 'O', 10),
      ]),
    ]),
    segment('2100', 'SE', 'M', 1),
  ],
};
