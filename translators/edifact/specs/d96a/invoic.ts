import { group, segment, type MessageSpec } from '../spec-types.js';

// D96A INVOIC as the directory's segment table gives it. SG48 is the one mandatory group: an invoice carries
// at least one total.

export const spec: MessageSpec = {
  type: 'INVOIC',
  name: 'Invoice message',
  directory: 'D96A',
  body: [
    segment('0010', 'UNH', 'M', 1),
    segment('0020', 'BGM', 'M', 1),
    segment('0030', 'DTM', 'M', 35),
    segment('0040', 'PAI', 'C', 1),
    segment('0050', 'ALI', 'C', 5),
    segment('0060', 'IMD', 'C', 1),
    segment('0070', 'FTX', 'C', 10),
    group('SG1', 'C', 99, [
      segment('0090', 'RFF', 'M', 1),
      segment('0100', 'DTM', 'C', 5),
    ]),
    group('SG2', 'C', 99, [
      segment('0120', 'NAD', 'M', 1),
      segment('0130', 'LOC', 'C', 25),
      segment('0140', 'FII', 'C', 5),
      group('SG3', 'C', 9999, [
        segment('0160', 'RFF', 'M', 1),
        segment('0170', 'DTM', 'C', 5),
      ]),
      group('SG4', 'C', 5, [
        segment('0190', 'DOC', 'M', 1),
        segment('0200', 'DTM', 'C', 5),
      ]),
      group('SG5', 'C', 5, [
        segment('0220', 'CTA', 'M', 1),
        segment('0230', 'COM', 'C', 5),
      ]),
    ]),
    group('SG6', 'C', 5, [
      segment('0250', 'TAX', 'M', 1),
      segment('0260', 'MOA', 'C', 1),
      segment('0270', 'LOC', 'C', 5),
    ]),
    group('SG7', 'C', 5, [
      segment('0290', 'CUX', 'M', 1),
      segment('0300', 'DTM', 'C', 5),
    ]),
    group('SG8', 'C', 10, [
      segment('0320', 'PAT', 'M', 1),
      segment('0330', 'DTM', 'C', 5),
      segment('0340', 'PCD', 'C', 1),
      segment('0350', 'MOA', 'C', 1),
      segment('0360', 'PAI', 'C', 1),
      segment('0370', 'FII', 'C', 1),
    ]),
    group('SG9', 'C', 10, [
      segment('0390', 'TDT', 'M', 1),
      group('SG10', 'C', 10, [
        segment('0410', 'LOC', 'M', 1),
        segment('0420', 'DTM', 'C', 5),
      ]),
      group('SG11', 'C', 9999, [
        segment('0440', 'RFF', 'M', 1),
        segment('0450', 'DTM', 'C', 5),
      ]),
    ]),
    group('SG12', 'C', 5, [
      segment('0470', 'TOD', 'M', 1),
      segment('0480', 'LOC', 'C', 2),
    ]),
    group('SG13', 'C', 1000, [
      segment('0500', 'PAC', 'M', 1),
      segment('0510', 'MEA', 'C', 5),
      group('SG14', 'C', 5, [
        segment('0530', 'PCI', 'M', 1),
        segment('0540', 'RFF', 'C', 1),
        segment('0550', 'DTM', 'C', 5),
        segment('0560', 'GIN', 'C', 5),
      ]),
    ]),
    group('SG15', 'C', 9999, [
      segment('0580', 'ALC', 'M', 1),
      segment('0590', 'ALI', 'C', 5),
      group('SG16', 'C', 5, [
        segment('0610', 'RFF', 'M', 1),
        segment('0620', 'DTM', 'C', 5),
      ]),
      group('SG17', 'C', 1, [
        segment('0640', 'QTY', 'M', 1),
        segment('0650', 'RNG', 'C', 1),
      ]),
      group('SG18', 'C', 1, [
        segment('0670', 'PCD', 'M', 1),
        segment('0680', 'RNG', 'C', 1),
      ]),
      group('SG19', 'C', 2, [
        segment('0700', 'MOA', 'M', 1),
        segment('0710', 'RNG', 'C', 1),
      ]),
      group('SG20', 'C', 1, [
        segment('0730', 'RTE', 'M', 1),
        segment('0740', 'RNG', 'C', 1),
      ]),
      group('SG21', 'C', 5, [
        segment('0760', 'TAX', 'M', 1),
        segment('0770', 'MOA', 'C', 1),
      ]),
    ]),
    group('SG22', 'C', 100, [
      segment('0790', 'RCS', 'M', 1),
      segment('0800', 'RFF', 'C', 5),
      segment('0810', 'DTM', 'C', 5),
      segment('0820', 'FTX', 'C', 5),
    ]),
    group('SG23', 'C', 1, [
      segment('0840', 'AJT', 'M', 1),
      segment('0850', 'FTX', 'C', 5),
    ]),
    group('SG24', 'C', 1, [
      segment('0870', 'INP', 'M', 1),
      segment('0880', 'FTX', 'C', 5),
    ]),
    group('SG25', 'C', 9999999, [
      segment('0900', 'LIN', 'M', 1),
      segment('0910', 'PIA', 'C', 25),
      segment('0920', 'IMD', 'C', 10),
      segment('0930', 'MEA', 'C', 5),
      segment('0940', 'QTY', 'C', 5),
      segment('0950', 'PCD', 'C', 1),
      segment('0960', 'ALI', 'C', 5),
      segment('0970', 'DTM', 'C', 35),
      segment('0980', 'GIN', 'C', 1000),
      segment('0990', 'GIR', 'C', 1000),
      segment('1000', 'QVR', 'C', 1),
      segment('1010', 'EQD', 'C', 1),
      segment('1020', 'FTX', 'C', 5),
      group('SG26', 'C', 5, [
        segment('1040', 'MOA', 'M', 1),
        segment('1050', 'CUX', 'C', 1),
      ]),
      group('SG27', 'C', 10, [
        segment('1070', 'PAT', 'M', 1),
        segment('1080', 'DTM', 'C', 5),
        segment('1090', 'PCD', 'C', 1),
        segment('1100', 'MOA', 'C', 1),
      ]),
      group('SG28', 'C', 25, [
        segment('1120', 'PRI', 'M', 1),
        segment('1130', 'APR', 'C', 1),
        segment('1140', 'RNG', 'C', 1),
        segment('1150', 'DTM', 'C', 5),
      ]),
      group('SG29', 'C', 10, [
        segment('1170', 'RFF', 'M', 1),
        segment('1180', 'DTM', 'C', 5),
      ]),
      group('SG30', 'C', 10, [
        segment('1200', 'PAC', 'M', 1),
        segment('1210', 'MEA', 'C', 10),
        group('SG31', 'C', 10, [
          segment('1230', 'PCI', 'M', 1),
          segment('1240', 'RFF', 'C', 1),
          segment('1250', 'DTM', 'C', 5),
          segment('1260', 'GIN', 'C', 10),
        ]),
      ]),
      group('SG32', 'C', 9999, [
        segment('1280', 'LOC', 'M', 1),
        segment('1290', 'QTY', 'C', 100),
        segment('1300', 'DTM', 'C', 5),
      ]),
      group('SG33', 'C', 99, [
        segment('1320', 'TAX', 'M', 1),
        segment('1330', 'MOA', 'C', 1),
        segment('1340', 'LOC', 'C', 5),
      ]),
      group('SG34', 'C', 20, [
        segment('1360', 'NAD', 'M', 1),
        segment('1370', 'LOC', 'C', 5),
        group('SG35', 'C', 5, [
          segment('1390', 'RFF', 'M', 1),
          segment('1400', 'DTM', 'C', 5),
        ]),
        group('SG36', 'C', 5, [
          segment('1420', 'DOC', 'M', 1),
          segment('1430', 'DTM', 'C', 5),
        ]),
        group('SG37', 'C', 5, [
          segment('1450', 'CTA', 'M', 1),
          segment('1460', 'COM', 'C', 5),
        ]),
      ]),
      group('SG38', 'C', 15, [
        segment('1480', 'ALC', 'M', 1),
        segment('1490', 'ALI', 'C', 5),
        segment('1500', 'DTM', 'C', 5),
        group('SG39', 'C', 1, [
          segment('1520', 'QTY', 'M', 1),
          segment('1530', 'RNG', 'C', 1),
        ]),
        group('SG40', 'C', 1, [
          segment('1550', 'PCD', 'M', 1),
          segment('1560', 'RNG', 'C', 1),
        ]),
        group('SG41', 'C', 2, [
          segment('1580', 'MOA', 'M', 1),
          segment('1590', 'RNG', 'C', 1),
        ]),
        group('SG42', 'C', 1, [
          segment('1610', 'RTE', 'M', 1),
          segment('1620', 'RNG', 'C', 1),
        ]),
        group('SG43', 'C', 5, [
          segment('1640', 'TAX', 'M', 1),
          segment('1650', 'MOA', 'C', 1),
        ]),
      ]),
      group('SG44', 'C', 10, [
        segment('1670', 'TDT', 'M', 1),
        group('SG45', 'C', 10, [
          segment('1690', 'LOC', 'M', 1),
          segment('1700', 'DTM', 'C', 5),
        ]),
      ]),
      group('SG46', 'C', 5, [
        segment('1720', 'TOD', 'M', 1),
        segment('1730', 'LOC', 'C', 2),
      ]),
      group('SG47', 'C', 100, [
        segment('1750', 'RCS', 'M', 1),
        segment('1760', 'RFF', 'C', 5),
        segment('1770', 'DTM', 'C', 5),
        segment('1780', 'FTX', 'C', 5),
      ]),
    ]),
    segment('1790', 'UNS', 'M', 1),
    segment('1800', 'CNT', 'C', 10),
    group('SG48', 'M', 100, [
      segment('1820', 'MOA', 'M', 1),
      group('SG49', 'C', 1, [
        segment('1840', 'RFF', 'M', 1),
        segment('1850', 'DTM', 'C', 5),
      ]),
    ]),
    group('SG50', 'C', 10, [
      segment('1870', 'TAX', 'M', 1),
      segment('1880', 'MOA', 'C', 2),
    ]),
    group('SG51', 'C', 15, [
      segment('1900', 'ALC', 'M', 1),
      segment('1910', 'ALI', 'C', 1),
      segment('1920', 'MOA', 'C', 2),
    ]),
    segment('1930', 'UNT', 'M', 1),
  ],
};
