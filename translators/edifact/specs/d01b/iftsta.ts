import { group, segment, type MessageSpec } from '../spec-types.js';

// D01B IFTSTA as the directory's segment table gives it. SG5 is mandatory within SG4: each consignment
// reports at least one status.

export const spec: MessageSpec = {
  type: 'IFTSTA',
  name: 'International multimodal status report message',
  directory: 'D01B',
  body: [
    segment('0010', 'UNH', 'M', 1),
    segment('0020', 'BGM', 'M', 1),
    segment('0030', 'DTM', 'C', 9),
    segment('0040', 'TSR', 'C', 1),
    group('SG1', 'C', 9, [
      segment('0060', 'NAD', 'M', 1),
      group('SG2', 'C', 9, [
        segment('0080', 'CTA', 'M', 1),
        segment('0090', 'COM', 'C', 9),
      ]),
    ]),
    group('SG3', 'C', 9, [
      segment('0110', 'RFF', 'M', 1),
      segment('0120', 'DTM', 'C', 1),
    ]),
    segment('0130', 'LOC', 'C', 9),
    segment('0140', 'FTX', 'C', 9),
    segment('0150', 'CNT', 'C', 9),
    group('SG4', 'C', 99999, [
      segment('0170', 'CNI', 'M', 1),
      segment('0180', 'LOC', 'C', 9),
      segment('0190', 'CNT', 'C', 9),
      group('SG5', 'M', 99, [
        segment('0210', 'STS', 'M', 1),
        segment('0220', 'RFF', 'C', 999),
        segment('0230', 'DTM', 'C', 9),
        segment('0240', 'DOC', 'C', 1),
        segment('0250', 'FTX', 'C', 9),
        group('SG6', 'C', 9, [
          segment('0270', 'NAD', 'M', 1),
          group('SG7', 'C', 9, [
            segment('0290', 'CTA', 'M', 1),
            segment('0300', 'COM', 'C', 9),
          ]),
        ]),
        segment('0310', 'LOC', 'C', 1),
        segment('0320', 'PCI', 'C', 99),
        group('SG8', 'C', 99, [
          segment('0340', 'TDT', 'M', 1),
          segment('0350', 'DTM', 'C', 9),
          segment('0360', 'RFF', 'C', 9),
          group('SG9', 'C', 9, [
            segment('0380', 'LOC', 'M', 1),
            segment('0390', 'DTM', 'C', 9),
          ]),
        ]),
        group('SG10', 'C', 99, [
          segment('0410', 'EQD', 'M', 1),
          segment('0420', 'MEA', 'C', 9),
          segment('0430', 'DIM', 'C', 9),
          segment('0440', 'SEL', 'C', 9),
          segment('0450', 'RFF', 'C', 9),
          segment('0460', 'TPL', 'C', 9),
          segment('0470', 'TMD', 'C', 1),
          group('SG11', 'C', 99, [
            segment('0490', 'EQA', 'M', 1),
            segment('0500', 'SEL', 'C', 9),
          ]),
        ]),
        group('SG12', 'C', 99, [
          segment('0520', 'GID', 'M', 1),
          segment('0530', 'HAN', 'C', 9),
          segment('0540', 'SGP', 'C', 99),
          segment('0550', 'DGS', 'C', 9),
          segment('0560', 'FTX', 'C', 9),
          group('SG13', 'C', 99, [
            segment('0580', 'MEA', 'M', 1),
            segment('0590', 'EQN', 'C', 1),
          ]),
          group('SG14', 'C', 99, [
            segment('0610', 'DIM', 'M', 1),
            segment('0620', 'EQN', 'C', 1),
          ]),
          group('SG15', 'C', 99, [
            segment('0640', 'PCI', 'M', 1),
            segment('0650', 'GIN', 'C', 9),
          ]),
        ]),
      ]),
    ]),
    segment('0660', 'UNT', 'M', 1),
  ],
};
