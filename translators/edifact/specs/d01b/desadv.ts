import { group, segment, type MessageSpec } from '../spec-types.js';

// D01B DESADV as the directory's segment table gives it. It has no UNS: the packing hierarchy (SG10, CPS)
// holding packages (SG11) and line items (SG17) runs to the closing CNT.

export const spec: MessageSpec = {
  type: 'DESADV',
  name: 'Despatch advice message',
  directory: 'D01B',
  body: [
    segment('0010', 'UNH', 'M', 1),
    segment('0020', 'BGM', 'M', 1),
    segment('0030', 'DTM', 'C', 10),
    segment('0040', 'ALI', 'C', 5),
    segment('0050', 'MEA', 'C', 5),
    segment('0060', 'MOA', 'C', 5),
    segment('0070', 'CUX', 'C', 9),
    group('SG1', 'C', 10, [
      segment('0090', 'RFF', 'M', 1),
      segment('0100', 'DTM', 'C', 1),
    ]),
    group('SG2', 'C', 99, [
      segment('0120', 'NAD', 'M', 1),
      segment('0130', 'LOC', 'C', 10),
      group('SG3', 'C', 10, [
        segment('0150', 'RFF', 'M', 1),
        segment('0160', 'DTM', 'C', 1),
      ]),
      group('SG4', 'C', 10, [
        segment('0180', 'CTA', 'M', 1),
        segment('0190', 'COM', 'C', 5),
      ]),
    ]),
    group('SG5', 'C', 10, [
      segment('0210', 'TOD', 'M', 1),
      segment('0220', 'LOC', 'C', 5),
      segment('0230', 'FTX', 'C', 5),
    ]),
    group('SG6', 'C', 10, [
      segment('0250', 'TDT', 'M', 1),
      segment('0260', 'PCD', 'C', 6),
      segment('0270', 'TMD', 'C', 1),
      group('SG7', 'C', 10, [
        segment('0290', 'LOC', 'M', 1),
        segment('0300', 'DTM', 'C', 10),
      ]),
    ]),
    group('SG8', 'C', 10, [
      segment('0320', 'EQD', 'M', 1),
      segment('0330', 'MEA', 'C', 5),
      segment('0340', 'SEL', 'C', 25),
      segment('0350', 'EQA', 'C', 5),
      group('SG9', 'C', 10, [
        segment('0370', 'HAN', 'M', 1),
        segment('0380', 'FTX', 'C', 10),
      ]),
    ]),
    group('SG10', 'C', 9999, [
      segment('0400', 'CPS', 'M', 1),
      segment('0410', 'FTX', 'C', 5),
      segment('0420', 'QVR', 'C', 9),
      group('SG11', 'C', 9999, [
        segment('0440', 'PAC', 'M', 1),
        segment('0450', 'MEA', 'C', 10),
        segment('0460', 'QTY', 'C', 10),
        group('SG12', 'C', 10, [
          segment('0480', 'HAN', 'M', 1),
          segment('0490', 'FTX', 'C', 10),
        ]),
        group('SG13', 'C', 1000, [
          segment('0510', 'PCI', 'M', 1),
          segment('0520', 'RFF', 'C', 1),
          segment('0530', 'DTM', 'C', 5),
          group('SG14', 'C', 99, [
            segment('0550', 'GIR', 'M', 1),
            segment('0560', 'DTM', 'C', 5),
          ]),
          group('SG15', 'C', 99, [
            segment('0580', 'GIN', 'M', 1),
            segment('0590', 'DLM', 'C', 10),
          ]),
          group('SG16', 'C', 99, [
            segment('0610', 'COD', 'M', 1),
            segment('0620', 'MEA', 'C', 9),
            segment('0630', 'QTY', 'C', 9),
            segment('0640', 'PCD', 'C', 9),
          ]),
        ]),
      ]),
      group('SG17', 'C', 9999, [
        segment('0660', 'LIN', 'M', 1),
        segment('0670', 'PIA', 'C', 10),
        segment('0680', 'IMD', 'C', 25),
        segment('0690', 'MEA', 'C', 10),
        segment('0700', 'QTY', 'C', 10),
        segment('0710', 'ALI', 'C', 10),
        segment('0720', 'GIN', 'C', 100),
        segment('0730', 'GIR', 'C', 100),
        segment('0740', 'DLM', 'C', 100),
        segment('0750', 'DTM', 'C', 5),
        segment('0760', 'NAD', 'C', 99),
        segment('0770', 'TDT', 'C', 1),
        segment('0780', 'TMD', 'C', 1),
        segment('0790', 'HAN', 'C', 20),
        segment('0800', 'FTX', 'C', 99),
        segment('0810', 'MOA', 'C', 5),
        group('SG18', 'C', 99, [
          segment('0830', 'RFF', 'M', 1),
          segment('0840', 'NAD', 'C', 1),
          segment('0850', 'CTA', 'C', 1),
          segment('0860', 'DTM', 'C', 1),
        ]),
        group('SG19', 'C', 9999, [
          segment('0880', 'DGS', 'M', 1),
          segment('0890', 'QTY', 'C', 1),
          segment('0900', 'FTX', 'C', 5),
        ]),
        group('SG20', 'C', 100, [
          segment('0920', 'LOC', 'M', 1),
          segment('0930', 'NAD', 'C', 1),
          segment('0940', 'DTM', 'C', 1),
          segment('0950', 'QTY', 'C', 10),
        ]),
        group('SG21', 'C', 1000, [
          segment('0970', 'SGP', 'M', 1),
          segment('0980', 'QTY', 'C', 10),
        ]),
        group('SG22', 'C', 9999, [
          segment('1000', 'PCI', 'M', 1),
          segment('1010', 'DTM', 'C', 5),
          segment('1020', 'MEA', 'C', 10),
          segment('1030', 'QTY', 'C', 1),
          group('SG23', 'C', 10, [
            segment('1050', 'GIN', 'M', 1),
            segment('1060', 'DLM', 'C', 100),
          ]),
          group('SG24', 'C', 10, [
            segment('1080', 'HAN', 'M', 1),
            segment('1090', 'FTX', 'C', 5),
            segment('1100', 'GIN', 'C', 1000),
          ]),
        ]),
        group('SG25', 'C', 10, [
          segment('1120', 'QVR', 'M', 1),
          segment('1130', 'DTM', 'C', 5),
        ]),
      ]),
    ]),
    segment('1140', 'CNT', 'C', 5),
    segment('1150', 'UNT', 'M', 1),
  ],
};
