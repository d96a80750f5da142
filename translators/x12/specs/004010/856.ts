import { loop, segment, UNBOUNDED, type TransactionSetSpec } from '../spec-types.js';

// The standard writes the detail as one HL loop whose body lists every segment any level may carry; which
// of them a shipment, order, pack or item level uses is left to the HL03 code and the partner's guide.

export const spec: TransactionSetSpec = {
  id: '856',
  name: 'Ship Notice/Manifest',
  functionalId: 'SH',
  version: '004010',
  body: [
    // Heading
    segment('010', 'ST', 'M', 1),
    segment('020', 'BSN', 'M', 1),
    segment('040', 'DTM', 'O', 10),

    // Detail
    loop('HL', 'M', 200000, [
      segment('010', 'HL', 'M', 1),
      segment('020', 'LIN', 'O', 1),
      segment('030', 'SN1', 'O', 1),
      segment('040', 'SLN', 'O', 1000),
      segment('050', 'PRF', 'O', 1),
      segment('060', 'PO4', 'O', 1),
      segment('070', 'PID', 'O', 200),
      segment('080', 'MEA', 'O', 40),
      segment('090', 'PWK', 'O', 25),
      segment('100', 'PKG', 'O', 25),
      segment('110', 'TD1', 'O', 20),
      segment('120', 'TD5', 'O', 12),
      segment('130', 'TD3', 'O', 12),
      segment('140', 'TD4', 'O', 5),
      segment('145', 'TSD', 'O', 1),
      segment('150', 'REF', 'O', UNBOUNDED),
      segment('151', 'PER', 'O', 3),
      loop('LH1', 'O', 100, [
        segment('152', 'LH1', 'O', 1),
        segment('153', 'LH2', 'O', 4),
        segment('154', 'LH3', 'O', 12),
        segment('155', 'LFH', 'O', 20),
        segment('156', 'LEP', 'O', UNBOUNDED),
        segment('157', 'LH4', 'O', 1),
        segment('158', 'LHT', 'O', 3),
        segment('159', 'LHR', 'O', 10),
        segment('160', 'PER', 'O', 5),
        segment('161', 'LHE', 'O', 1),
      ]),
      loop('CLD', 'O', 200, [
        segment('170', 'CLD', 'O', 1),
        segment('180', 'REF', 'O', 200),
        segment('185', 'DTP', 'O', 1),
      ]),
      segment('190', 'MAN', 'O', UNBOUNDED),
      segment('200', 'DTM', 'O', 10),
      segment('210', 'FOB', 'O', 1),
      segment('215', 'PAL', 'O', 1),
      loop('N1', 'O', 200, [
        segment('220', 'N1', 'O', 1),
        segment('230', 'N2', 'O', 2),
        segment('240', 'N3', 'O', 2),
        segment('250', 'N4', 'O', 1),
        segment('260', 'REF', 'O', 12),
        segment('270', 'PER', 'O', 3),
        segment('280', 'FOB', 'O', 1),
      ]),
      segment('290', 'SDQ', 'O', 50),
      segment('300', 'ETD', 'O', 1),
      segment('310', 'CUR', 'O', 1),
      loop('SAC', 'O', UNBOUNDED, [
        segment('320', 'SAC', 'O', 1),
        segment('325', 'CUR', 'O', 1),
      ]),
      segment('330', 'GF', 'O', 1),
      segment('335', 'YNQ', 'O', 10),
      loop('LM', 'O', 10, [
        segment('340', 'LM', 'O', 1),
        segment('350', 'LQ', 'M', 100),
      ]),
      loop('V1', 'O', UNBOUNDED, [
        segment('360', 'V1', 'O', 1),
        segment('365', 'R4', 'O', UNBOUNDED),
        segment('370', 'DTM', 'O', UNBOUNDED),
      ]),
    ]),

    // Summary
    segment('010', 'CTT', 'O', 1),
    segment('020', 'SE', 'M', 1),
  ],
};
