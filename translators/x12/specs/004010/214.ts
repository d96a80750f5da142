import { loop, segment, UNBOUNDED, type TransactionSetSpec } from '../spec-types.js';

// The standard numbers this set's loops (0100 for the heading N1 loop, 0150 for MS3, 0200 for LX, 0205 and
// 0210 inside it ...). Here each loop is named by the tag of its first segment, like the loops of the other
// sets, so a partner guide addresses them the same way everywhere (LX/CD3/AT7).

export const spec: TransactionSetSpec = {
  id: '214',
  name: 'Transportation Carrier Shipment Status Message',
  functionalId: 'QM',
  version: '004010',
  body: [
    // Heading
    segment('010', 'ST', 'M', 1),
    segment('020', 'B10', 'M', 1),
    segment('030', 'L11', 'O', 300),
    segment('035', 'MAN', 'O', 9999),
    segment('040', 'K1', 'O', 10),
    loop('N1', 'O', 10, [
      segment('050', 'N1', 'O', 1),
      segment('060', 'N2', 'O', 1),
      segment('070', 'N3', 'O', 2),
      segment('080', 'N4', 'O', 1),
      segment('090', 'G61', 'O', 1),
      segment('100', 'G62', 'O', 1),
      segment('110', 'L11', 'O', 10),
    ]),
    loop('MS3', 'O', 12, [
      segment('120', 'MS3', 'O', 1),
    ]),

    // Detail
    loop('LX', 'O', 999999, [
      segment('130', 'LX', 'O', 1),
      loop('AT7', 'O', 10, [
        segment('140', 'AT7', 'O', 1),
        segment('143', 'MS1', 'O', 1),
        segment('146', 'MS2', 'O', 1),
      ]),
      segment('150', 'L11', 'O', 10),
      segment('155', 'MAN', 'O', 9999),
      segment('160', 'Q7', 'O', 10),
      segment('170', 'K1', 'O', 10),
      segment('180', 'AT5', 'O', 10),
      segment('200', 'AT8', 'O', 10),
      loop('CD3', 'O', 999999, [
        segment('210', 'CD3', 'O', 1),
        segment('220', 'L11', 'O', 20),
        loop('AT7', 'O', 10, [
          segment('230', 'AT7', 'O', 1),
          segment('240', 'MS1', 'O', 1),
          segment('250', 'MS2', 'O', 1),
        ]),
        segment('260', 'NM1', 'O', 1),
        segment('270', 'Q7', 'O', 10),
        segment('280', 'AT8', 'O', 1),
        segment('290', 'MAN', 'O', 9999),
        loop('N1', 'O', 999999, [
          segment('300', 'N1', 'O', 1),
          segment('310', 'N2', 'O', 1),
          segment('320', 'N3', 'O', 3),
          segment('330', 'N4', 'O', 1),
          segment('340', 'L11', 'O', 10),
        ]),
      ]),
      loop('PRF', 'O', 999999, [
        segment('350', 'PRF', 'O', 1),
        loop('N1', 'O', 999999, [
          segment('360', 'N1', 'O', 1),
          segment('370', 'N2', 'O', 1),
          segment('380', 'N3', 'O', 2),
          segment('390', 'N4', 'O', 1),
          segment('400', 'L11', 'O', 10),
        ]),
        loop('CD3', 'O', 999999, [
          segment('410', 'CD3', 'O', 1),
          segment('420', 'L11', 'O', 20),
          loop('AT7', 'O', 10, [
            segment('430', 'AT7', 'O', 1),
            segment('440', 'MS1', 'O', 1),
            segment('450', 'MS2', 'O', 1),
          ]),
          segment('460', 'MAN', 'O', 9999),
        ]),
      ]),
      loop('SPO', 'O', 999999, [
        segment('470', 'SPO', 'O', 1),
        segment('480', 'SDQ', 'O', 10),
      ]),
      loop('EFI', 'O', UNBOUNDED, [
        segment('490', 'EFI', 'O', 1),
        segment('500', 'BIN', 'M', 1),
      ]),
    ]),

    // Summary
    segment('610', 'SE', 'M', 1),
  ],
};
