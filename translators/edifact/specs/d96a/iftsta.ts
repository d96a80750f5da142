import { group, segment, type MessageSpec } from '../spec-types.js';

// D96A IFTSTA as the directory's segment table gives it. SG5 is mandatory within SG4: each consignment
// reports at least one status.

export const spec: MessageSpec = {
  type: 'IFTSTA',
  name: 'International multimodal status report message',
  directory: 'D96A',
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
    group('SG4', 'C', 999, [
      segment('0170', 'CNI', 'M', 1),
      segment('0180', 'LOC', 'C', 9),
      segment('0190', 'CNT', 'C', 9),
      group('SG5', 'M', 99, [
        segment('0210', 'STS', 'M', 1),
        segment('0220', 'RFF', 'C', 9),
        segment('0230', 'DTM', 'C', 9),
        segment('0240', 'DOC', 'C', 1),
        segment('0250', 'FTX', 'C', 9),
        segment('0260', 'NAD', 'C', 9),
        segment('0270', 'LOC', 'C', 1),
        segment('0280', 'PCI', 'C', 99),
        group('SG6', 'C', 99, [
          segment('0300', 'TDT', 'M', 1),
          segment('0310', 'RFF', 'C', 9),
          segment('0320', 'LOC', 'C', 9),
          segment('0330', 'DTM', 'C', 9),
        ]),
        group('SG7', 'C', 99, [
          segment('0350', 'EQD', 'M', 1),
          segment('0360', 'MEA', 'C', 9),
          segment('0370', 'DIM', 'C', 9),
          segment('0380', 'SEL', 'C', 9),
          group('SG8', 'C', 99, [
            segment('0400', 'EQA', 'M', 1),
            segment('0410', 'SEL', 'C', 9),
          ]),
        ]),
        group('SG9', 'C', 99, [
          segment('0430', 'GID', 'M', 1),
          segment('0440', 'HAN', 'C', 9),
          group('SG10', 'C', 99, [
            segment('0460', 'MEA', 'M', 1),
            segment('0470', 'EQN', 'C', 1),
          ]),
          group('SG11', 'C', 99, [
            segment('0490', 'DIM', 'M', 1),
            segment('0500', 'EQN', 'C', 1),
          ]),
          group('SG12', 'C', 99, [
            segment('0520', 'PCI', 'M', 1),
            segment('0530', 'GIN', 'C', 9),
          ]),
        ]),
      ]),
    ]),
    segment('0540', 'UNT', 'M', 1),
  ],
};
