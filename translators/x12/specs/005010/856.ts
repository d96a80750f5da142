import { loop, segment, UNBOUNDED, type TransactionSetSpec } from '../spec-types.js';

// Positions restart in each table: heading (ST, BSN, DTM), detail (the HL loop) and summary (CTT, SE).
// The standard has one HL loop; what a level holds (shipment, order, pack, item ...) is told by HL03, so
// the loop's body offers every segment that any level may carry, in the standard's order.

export const spec: TransactionSetSpec = {
  id: '856',
  name: 'Ship Notice/Manifest',
  functionalId: 'SH',
  version: '005010',
  body: [
    // Heading
    segment('0100', 'ST', 'M', 1),
    segment('0200', 'BSN', 'M', 1),
    segment('0400', 'DTM', 'O', 10),

    // Detail
    loop('HL', 'M', 200000, [
      segment('0100', 'HL', 'M', 1),
      segment('0200', 'LIN', 'O', 1),
      segment('0300', 'SN1', 'O', 1),
      segment('0400', 'SLN', 'O', 1000),
      segment('0500', 'PRF', 'O', 1),
      segment('0600', 'PO4', 'O', 1),
      segment('0700', 'PID', 'O', 200),
      segment('0800', 'MEA', 'O', 40),
      segment('0900', 'PWK', 'O', 25),
      segment('1000', 'PKG', 'O', 25),
      segment('1100', 'TD1', 'O', 20),
      segment('1200', 'TD5', 'O', 12),
      loop('TD3', 'O', 12, [
        segment('1300', 'TD3', 'M', 1),
        segment('1310', 'AT9', 'O', 1),
      ]),
      segment('1400', 'TD4', 'O', 5),
      segment('1450', 'TSD', 'O', 1),
      segment('1500', 'REF', 'O', UNBOUNDED),
      segment('1550', 'PER', 'O', 3),
      loop('LH1', 'O', 100, [
        segment('1600', 'LH1', 'M', 1),
        segment('1610', 'LH2', 'O', 4),
        segment('1620', 'LH3', 'O', 12),
        segment('1630', 'LFH', 'O', 20),
        segment('1640', 'LEP', 'O', UNBOUNDED),
        segment('1650', 'LH4', 'O', 4),
        segment('1660', 'LHT', 'O', 3),
        segment('1670', 'LHR', 'O', 10),
        segment('1680', 'PER', 'O', 5),
        segment('1690', 'LHE', 'O', 1),
      ]),
      loop('CLD', 'O', 200, [
        segment('1700', 'CLD', 'M', 1),
        segment('1800', 'REF', 'O', 200),
        segment('1850', 'DTP', 'O', 1),
      ]),
      segment('1900', 'MAN', 'O', UNBOUNDED),
      segment('2000', 'DTM', 'O', 10),
      segment('2100', 'FOB', 'O', 1),
      segment('2150', 'PAL', 'O', 1),
      loop('N1', 'O', 200, [
        segment('2200', 'N1', 'M', 1),
        segment('2300', 'N2', 'O', 2),
        segment('2400', 'N3', 'O', 2),
        segment('2500', 'N4', 'O', 1),
        segment('2600', 'REF', 'O', 12),
        segment('2700', 'PER', 'O', 3),
        segment('2800', 'FOB', 'O', 1),
      ]),
      segment('2900', 'SDQ', 'O', 50),
      segment('3000', 'ETD', 'O', 1),
      segment('3100', 'CUR', 'O', 1),
      loop('SAC', 'O', UNBOUNDED, [
        segment('3200', 'SAC', 'M', 1),
        segment('3250', 'CUR', 'O', 1),
      ]),
      segment('3300', 'GF', 'O', 1),
      segment('3350', 'YNQ', 'O', 10),
      loop('LM', 'O', 10, [
        segment('3400', 'LM', 'M', 1),
        segment('3500', 'LQ', 'M', 100),
      ]),
      loop('V1', 'O', UNBOUNDED, [
        segment('3600', 'V1', 'M', 1),
        segment('3700', 'R4', 'O', UNBOUNDED),
        segment('3800', 'DTM', 'O', UNBOUNDED),
      ]),
    ]),

    // Summary
    segment('0100', 'CTT', 'O', 1),
    segment('0200', 'SE', 'M', 1),
  ],
};
