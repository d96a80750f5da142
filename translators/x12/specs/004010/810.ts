import { loop, segment, UNBOUNDED, type TransactionSetSpec } from '../spec-types.js';

// Positions restart in each of the standard's three tables: heading, detail (the IT1 loop) and summary.

export const spec: TransactionSetSpec = {
  id: '810',
  name: 'Invoice',
  functionalId: 'IN',
  version: '004010',
  body: [
    // Heading
    segment('010', 'ST', 'M', 1),
    segment('020', 'BIG', 'M', 1),
    segment('030', 'NTE', 'O', 100),
    segment('040', 'CUR', 'O', 1),
    segment('050', 'REF', 'O', 12),
    segment('055', 'YNQ', 'O', 10),
    segment('060', 'PER', 'O', 3),
    loop('N1', 'O', 200, [
      segment('070', 'N1', 'O', 1),
      segment('080', 'N2', 'O', 2),
      segment('090', 'N3', 'O', 2),
      segment('100', 'N4', 'O', 1),
      segment('110', 'REF', 'O', 12),
      segment('120', 'PER', 'O', 3),
      segment('125', 'DMG', 'O', 1),
    ]),
    segment('130', 'ITD', 'O', UNBOUNDED),
    segment('140', 'DTM', 'O', 10),
    segment('150', 'FOB', 'O', 1),
    segment('160', 'PID', 'O', 200),
    segment('170', 'MEA', 'O', 40),
    segment('180', 'PWK', 'O', 25),
    segment('190', 'PKG', 'O', 25),
    segment('200', 'L7', 'O', 1),
    segment('212', 'BAL', 'O', UNBOUNDED),
    segment('213', 'INC', 'O', 1),
    segment('214', 'PAM', 'O', UNBOUNDED),
    loop('LM', 'O', 10, [
      segment('220', 'LM', 'O', 1),
      segment('230', 'LQ', 'M', 100),
    ]),
    loop('N9', 'O', 1, [
      segment('240', 'N9', 'O', 1),
      segment('250', 'MSG', 'M', 10),
    ]),
    loop('V1', 'O', UNBOUNDED, [
      segment('260', 'V1', 'O', 1),
      segment('270', 'R4', 'O', UNBOUNDED),
      segment('280', 'DTM', 'O', UNBOUNDED),
    ]),
    loop('FA1', 'O', UNBOUNDED, [
      segment('290', 'FA1', 'O', 1),
      segment('300', 'FA2', 'M', UNBOUNDED),
    ]),

    // Detail
    loop('IT1', 'O', 200000, [
      segment('010', 'IT1', 'O', 1),
      segment('012', 'CRC', 'O', 1),
      segment('015', 'QTY', 'O', 5),
      segment('020', 'CUR', 'O', 1),
      segment('030', 'IT3', 'O', 5),
      segment('040', 'TXI', 'O', 10),
      segment('050', 'CTP', 'O', 25),
      segment('055', 'PAM', 'O', 10),
      segment('059', 'MEA', 'O', 40),
      loop('PID', 'O', 1000, [
        segment('060', 'PID', 'O', 1),
        segment('070', 'MEA', 'O', 10),
      ]),
      segment('080', 'PWK', 'O', 25),
      segment('090', 'PKG', 'O', 25),
      segment('100', 'PO4', 'O', 1),
      segment('110', 'ITD', 'O', 2),
      segment('120', 'REF', 'O', UNBOUNDED),
      segment('125', 'YNQ', 'O', 10),
      segment('130', 'PER', 'O', 5),
      segment('140', 'SDQ', 'O', 500),
      segment('150', 'DTM', 'O', 10),
      segment('160', 'CAD', 'O', UNBOUNDED),
      segment('170', 'L7', 'O', UNBOUNDED),
      segment('175', 'SR', 'O', 1),
      loop('SAC', 'O', 25, [
        segment('180', 'SAC', 'O', 1),
        segment('190', 'TXI', 'O', 10),
      ]),
      loop('SLN', 'O', 1000, [
        segment('200', 'SLN', 'O', 1),
        segment('205', 'DTM', 'O', 1),
        segment('210', 'REF', 'O', UNBOUNDED),
        segment('220', 'PID', 'O', 1000),
        segment('230', 'SAC', 'O', 25),
        segment('235', 'TC2', 'O', 2),
        segment('237', 'TXI', 'O', 10),
      ]),
      loop('N1', 'O', 200, [
        segment('240', 'N1', 'O', 1),
        segment('250', 'N2', 'O', 2),
        segment('260', 'N3', 'O', 2),
        segment('270', 'N4', 'O', 1),
        segment('280', 'REF', 'O', 12),
        segment('290', 'PER', 'O', 3),
        segment('295', 'DMG', 'O', 1),
      ]),
      loop('LM', 'O', 10, [
        segment('300', 'LM', 'O', 1),
        segment('310', 'LQ', 'M', 100),
      ]),
      loop('V1', 'O', UNBOUNDED, [
        segment('320', 'V1', 'O', 1),
        segment('330', 'R4', 'O', UNBOUNDED),
        segment('340', 'DTM', 'O', UNBOUNDED),
      ]),
      loop('FA1', 'O', UNBOUNDED, [
        segment('350', 'FA1', 'O', 1),
        segment('360', 'FA2', 'M', UNBOUNDED),
      ]),
    ]),

    // Summary
    segment('010', 'TDS', 'M', 1),
    segment('020', 'TXI', 'O', 10),
    segment('030', 'CAD', 'O', 1),
    segment('035', 'AMT', 'O', UNBOUNDED),
    loop('SAC', 'O', 25, [
      segment('040', 'SAC', 'O', 1),
      segment('050', 'TXI', 'O', 10),
    ]),
    loop('ISS', 'O', UNBOUNDED, [
      segment('060', 'ISS', 'O', 1),
      segment('065', 'PID', 'O', 1),
    ]),
    segment('070', 'CTT', 'O', 1),
    segment('080', 'SE', 'M', 1),
  ],
};
