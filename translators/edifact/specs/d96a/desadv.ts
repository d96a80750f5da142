import { group, segment, type MessageSpec } from '../spec-types.js';

// D96A DESADV as the directory's segment table gives it. It has no UNS: the packing hierarchy (SG10, CPS)
// holding packages (SG11) and line items (SG15) runs to the closing CNT.

export const spec: MessageSpec = {
  type: 'DESADV',
  name: 'Despatch advice message',
  directory: 'D96A',
  body: [
    segment('0010', 'UNH', 'M', 1),
    segment('0020', 'BGM', 'M', 1),
    segment('0030', 'DTM', 'C', 10),
    segment('0040', 'ALI', 'C', 5),
    segment('0050', 'MEA', 'C', 5),
    segment('0060', 'MOA', 'C', 5),
    group('SG1', 'C', 10, [
      segment('0080', 'RFF', 'M', 1),
      segment('0090', 'DTM', 'C', 1),
    ]),
    group('SG2', 'C', 10, [
      segment('0110', 'NAD', 'M', 1),
      segment('0120', 'LOC', 'C', 10),
      group('SG3', 'C', 10, [
        segment('0140', 'RFF', 'M', 1),
        segment('0150', 'DTM', 'C', 1),
      ]),
      group('SG4', 'C', 10, [
        segment('0170', 'CTA', 'M', 1),
        segment('0180', 'COM', 'C', 5),
      ]),
    ]),
    group('SG5', 'C', 10, [
      segment('0200', 'TOD', 'M', 1),
      segment('0210', 'LOC', 'C', 5),
      segment('0220', 'FTX', 'C', 5),
    ]),
    group('SG6', 'C', 10, [
      segment('0240', 'TDT', 'M', 1),
      segment('0250', 'PCD', 'C', 6),
      group('SG7', 'C', 10, [
        segment('0270', 'LOC', 'M', 1),
        segment('0280', 'DTM', 'C', 10),
      ]),
    ]),
    group('SG8', 'C', 10, [
      segment('0300', 'EQD', 'M', 1),
      segment('0310', 'MEA', 'C', 5),
      segment('0320', 'SEL', 'C', 25),
      segment('0330', 'EQA', 'C', 5),
      group('SG9', 'C', 10, [
        segment('0350', 'HAN', 'M', 1),
        segment('0360', 'FTX', 'C', 10),
      ]),
    ]),
    group('SG10', 'C', 9999, [
      segment('0380', 'CPS', 'M', 1),
      segment('0390', 'FTX', 'C', 5),
      group('SG11', 'C', 9999, [
        segment('0410', 'PAC', 'M', 1),
        segment('0420', 'MEA', 'C', 10),
        segment('0430', 'QTY', 'C', 10),
        group('SG12', 'C', 10, [
          segment('0450', 'HAN', 'M', 1),
          segment('0460', 'FTX', 'C', 10),
        ]),
        group('SG13', 'C', 1000, [
          segment('0480', 'PCI', 'M', 1),
          segment('0490', 'RFF', 'C', 1),
          segment('0500', 'DTM', 'C', 5),
          segment('0510', 'GIR', 'C', 99),
          group('SG14', 'C', 99, [
            segment('0530', 'GIN', 'M', 1),
            segment('0540', 'DLM', 'C', 10),
          ]),
        ]),
      ]),
      group('SG15', 'C', 9999, [
        segment('0560', 'LIN', 'M', 1),
        segment('0570', 'PIA', 'C', 10),
        segment('0580', 'IMD', 'C', 25),
        segment('0590', 'MEA', 'C', 10),
        segment('0600', 'QTY', 'C', 10),
        segment('0610', 'ALI', 'C', 10),
        segment('0620', 'GIN', 'C', 100),
        segment('0630', 'GIR', 'C', 100),
        segment('0640', 'DLM', 'C', 100),
        segment('0650', 'DTM', 'C', 5),
        segment('0660', 'FTX', 'C', 5),
        segment('0670', 'MOA', 'C', 5),
        group('SG16', 'C', 10, [
          segment('0690', 'RFF', 'M', 1),
          segment('0700', 'DTM', 'C', 1),
        ]),
        group('SG17', 'C', 10, [
          segment('0720', 'DGS', 'M', 1),
          segment('0730', 'QTY', 'C', 1),
          segment('0740', 'FTX', 'C', 5),
        ]),
        group('SG18', 'C', 100, [
          segment('0760', 'LOC', 'M', 1),
          segment('0770', 'NAD', 'C', 1),
          segment('0780', 'DTM', 'C', 1),
          segment('0790', 'QTY', 'C', 10),
        ]),
        group('SG19', 'C', 1000, [
          segment('0810', 'SGP', 'M', 1),
          segment('0820', 'QTY', 'C', 10),
        ]),
        group('SG20', 'C', 9999, [
          segment('0840', 'PCI', 'M', 1),
          segment('0850', 'DTM', 'C', 5),
          segment('0860', 'MEA', 'C', 10),
          segment('0870', 'QTY', 'C', 1),
          group('SG21', 'C', 10, [
            segment('0890', 'GIN', 'M', 1),
            segment('0900', 'DLM', 'C', 100),
          ]),
          group('SG22', 'C', 10, [
            segment('0920', 'HAN', 'M', 1),
            segment('0930', 'FTX', 'C', 5),
            segment('0940', 'GIN', 'C', 1000),
          ]),
        ]),
        group('SG23', 'C', 10, [
          segment('0960', 'QVR', 'M', 1),
          segment('0970', 'DTM', 'C', 5),
        ]),
      ]),
    ]),
    segment('0980', 'CNT', 'C', 5),
    segment('0990', 'UNT', 'M', 1),
  ],
};
