import { group, segment, type MessageSpec } from '../spec-types.js';

// D01B INVOIC as the directory's segment table gives it. SG50 is the one mandatory group: an invoice carries
// at least one total.

export const spec: MessageSpec = {
  type: 'INVOIC',
  name: 'Invoice message',
  directory: 'D01B',
  body: [
    segment('0010', 'UNH', 'M', 1),
    segment('0020', 'BGM', 'M', 1),
    segment('0030', 'DTM', 'M', 35),
    segment('0040', 'PAI', 'C', 1),
    segment('0050', 'ALI', 'C', 5),
    segment('0060', 'IMD', 'C', 1),
    segment('0070', 'FTX', 'C', 99),
    segment('0080', 'LOC', 'C', 10),
    segment('0090', 'GIS', 'C', 10),
    segment('0100', 'DGS', 'C', 1),
    segment('0110', 'GIR', 'C', 10),
    group('SG1', 'C', 99999, [
      segment('0130', 'RFF', 'M', 1),
      segment('0140', 'DTM', 'C', 5),
      segment('0150', 'GIR', 'C', 5),
      segment('0160', 'LOC', 'C', 2),
      segment('0170', 'MEA', 'C', 5),
      segment('0180', 'QTY', 'C', 2),
      segment('0190', 'FTX', 'C', 5),
      segment('0200', 'MOA', 'C', 2),
      segment('0210', 'RTE', 'C', 99),
    ]),
    group('SG2', 'C', 99, [
      segment('0230', 'NAD', 'M', 1),
      segment('0240', 'LOC', 'C', 25),
      segment('0250', 'FII', 'C', 5),
      segment('0260', 'MOA', 'C', 99),
      group('SG3', 'C', 9999, [
        segment('0280', 'RFF', 'M', 1),
        segment('0290', 'DTM', 'C', 5),
      ]),
      group('SG4', 'C', 5, [
        segment('0310', 'DOC', 'M', 1),
        segment('0320', 'DTM', 'C', 5),
      ]),
      group('SG5', 'C', 5, [
        segment('0340', 'CTA', 'M', 1),
        segment('0350', 'COM', 'C', 5),
      ]),
    ]),
    group('SG6', 'C', 5, [
      segment('0370', 'TAX', 'M', 1),
      segment('0380', 'MOA', 'C', 1),
      segment('0390', 'LOC', 'C', 5),
    ]),
    group('SG7', 'C', 99, [
      segment('0410', 'CUX', 'M', 1),
      segment('0420', 'DTM', 'C', 5),
    ]),
    group('SG8', 'C', 10, [
      segment('0440', 'PAT', 'M', 1),
      segment('0450', 'DTM', 'C', 5),
      segment('0460', 'PCD', 'C', 1),
      segment('0470', 'MOA', 'C', 1),
      segment('0480', 'PAI', 'C', 1),
      segment('0490', 'FII', 'C', 1),
    ]),
    group('SG9', 'C', 10, [
      segment('0510', 'TDT', 'M', 1),
      segment('0520', 'TSR', 'C', 1),
      group('SG10', 'C', 10, [
        segment('0540', 'LOC', 'M', 1),
        segment('0550', 'DTM', 'C', 5),
      ]),
      group('SG11', 'C', 9999, [
        segment('0570', 'RFF', 'M', 1),
        segment('0580', 'DTM', 'C', 5),
      ]),
    ]),
    group('SG12', 'C', 5, [
      segment('0600', 'TOD', 'M', 1),
      segment('0610', 'LOC', 'C', 2),
    ]),
    group('SG13', 'C', 99, [
      segment('0630', 'EQD', 'M', 1),
      segment('0640', 'SEL', 'C', 9),
    ]),
    group('SG14', 'C', 1000, [
      segment('0660', 'PAC', 'M', 1),
      segment('0670', 'MEA', 'C', 5),
      segment('0680', 'EQD', 'C', 1),
      group('SG15', 'C', 5, [
        segment('0700', 'PCI', 'M', 1),
        segment('0710', 'RFF', 'C', 1),
        segment('0720', 'DTM', 'C', 5),
        segment('0730', 'GIN', 'C', 5),
      ]),
    ]),
    group('SG16', 'C', 9999, [
      segment('0750', 'ALC', 'M', 1),
      segment('0760', 'ALI', 'C', 5),
      segment('0770', 'FTX', 'C', 1),
      group('SG17', 'C', 5, [
        segment('0790', 'RFF', 'M', 1),
        segment('0800', 'DTM', 'C', 5),
      ]),
      group('SG18', 'C', 1, [
        segment('0820', 'QTY', 'M', 1),
        segment('0830', 'RNG', 'C', 1),
      ]),
      group('SG19', 'C', 1, [
        segment('0850', 'PCD', 'M', 1),
        segment('0860', 'RNG', 'C', 1),
      ]),
      group('SG20', 'C', 2, [
        segment('0880', 'MOA', 'M', 1),
        segment('0890', 'RNG', 'C', 1),
        segment('0900', 'CUX', 'C', 1),
        segment('0910', 'DTM', 'C', 1),
      ]),
      group('SG21', 'C', 1, [
        segment('0930', 'RTE', 'M', 1),
        segment('0940', 'RNG', 'C', 1),
      ]),
      group('SG22', 'C', 5, [
        segment('0960', 'TAX', 'M', 1),
        segment('0970', 'MOA', 'C', 1),
      ]),
    ]),
    group('SG23', 'C', 100, [
      segment('0990', 'RCS', 'M', 1),
      segment('1000', 'RFF', 'C', 5),
      segment('1010', 'DTM', 'C', 5),
      segment('1020', 'FTX', 'C', 5),
    ]),
    group('SG24', 'C', 1, [
      segment('1040', 'AJT', 'M', 1),
      segment('1050', 'FTX', 'C', 5),
    ]),
    group('SG25', 'C', 1, [
      segment('1070', 'INP', 'M', 1),
      segment('1080', 'FTX', 'C', 5),
    ]),
    group('SG26', 'C', 9999999, [
      segment('1100', 'LIN', 'M', 1),
      segment('1110', 'PIA', 'C', 25),
      segment('1120', 'PGI', 'C', 99),
      segment('1130', 'IMD', 'C', 99),
      segment('1140', 'MEA', 'C', 5),
      segment('1150', 'QTY', 'C', 5),
      segment('1160', 'PCD', 'C', 1),
      segment('1170', 'ALI', 'C', 5),
      segment('1180', 'DTM', 'C', 35),
      segment('1190', 'GIN', 'C', 1000),
      segment('1200', 'GIR', 'C', 1000),
      segment('1210', 'QVR', 'C', 1),
      segment('1220', 'EQD', 'C', 1),
      segment('1230', 'FTX', 'C', 99),
      segment('1240', 'DGS', 'C', 1),
      group('SG27', 'C', 99, [
        segment('1260', 'MOA', 'M', 1),
        segment('1270', 'CUX', 'C', 1),
      ]),
      group('SG28', 'C', 10, [
        segment('1290', 'PAT', 'M', 1),
        segment('1300', 'DTM', 'C', 5),
        segment('1310', 'PCD', 'C', 99),
        segment('1320', 'MOA', 'C', 1),
      ]),
      group('SG29', 'C', 25, [
        segment('1340', 'PRI', 'M', 1),
        segment('1350', 'CUX', 'C', 1),
        segment('1360', 'APR', 'C', 1),
        segment('1370', 'RNG', 'C', 1),
        segment('1380', 'DTM', 'C', 5),
      ]),
      group('SG30', 'C', 10, [
        segment('1400', 'RFF', 'M', 1),
        segment('1410', 'DTM', 'C', 5),
      ]),
      group('SG31', 'C', 10, [
        segment('1430', 'PAC', 'M', 1),
        segment('1440', 'MEA', 'C', 10),
        segment('1450', 'EQD', 'C', 1),
        group('SG32', 'C', 10, [
          segment('1470', 'PCI', 'M', 1),
          segment('1480', 'RFF', 'C', 1),
          segment('1490', 'DTM', 'C', 5),
          segment('1500', 'GIN', 'C', 10),
        ]),
      ]),
      group('SG33', 'C', 9999, [
        segment('1520', 'LOC', 'M', 1),
        segment('1530', 'QTY', 'C', 100),
        segment('1540', 'DTM', 'C', 5),
      ]),
      group('SG34', 'C', 99, [
        segment('1560', 'TAX', 'M', 1),
        segment('1570', 'MOA', 'C', 2),
        segment('1580', 'LOC', 'C', 5),
      ]),
      group('SG35', 'C', 99, [
        segment('1600', 'NAD', 'M', 1),
        segment('1610', 'LOC', 'C', 5),
        segment('1620', 'FII', 'C', 5),
        group('SG36', 'C', 5, [
          segment('1640', 'RFF', 'M', 1),
          segment('1650', 'DTM', 'C', 5),
        ]),
        group('SG37', 'C', 5, [
          segment('1670', 'DOC', 'M', 1),
          segment('1680', 'DTM', 'C', 5),
        ]),
        group('SG38', 'C', 5, [
          segment('1700', 'CTA', 'M', 1),
          segment('1710', 'COM', 'C', 5),
        ]),
      ]),
      group('SG39', 'C', 30, [
        segment('1730', 'ALC', 'M', 1),
        segment('1740', 'ALI', 'C', 5),
        segment('1750', 'DTM', 'C', 5),
        segment('1760', 'FTX', 'C', 1),
        group('SG40', 'C', 1, [
          segment('1780', 'QTY', 'M', 1),
          segment('1790', 'RNG', 'C', 1),
        ]),
        group('SG41', 'C', 1, [
          segment('1810', 'PCD', 'M', 1),
          segment('1820', 'RNG', 'C', 1),
        ]),
        group('SG42', 'C', 2, [
          segment('1840', 'MOA', 'M', 1),
          segment('1850', 'RNG', 'C', 1),
          segment('1860', 'CUX', 'C', 1),
          segment('1870', 'DTM', 'C', 1),
        ]),
        group('SG43', 'C', 1, [
          segment('1890', 'RTE', 'M', 1),
          segment('1900', 'RNG', 'C', 1),
        ]),
        group('SG44', 'C', 5, [
          segment('1920', 'TAX', 'M', 1),
          segment('1930', 'MOA', 'C', 2),
        ]),
      ]),
      group('SG45', 'C', 10, [
        segment('1950', 'TDT', 'M', 1),
        group('SG46', 'C', 10, [
          segment('1970', 'LOC', 'M', 1),
          segment('1980', 'DTM', 'C', 5),
        ]),
      ]),
      group('SG47', 'C', 5, [
        segment('2000', 'TOD', 'M', 1),
        segment('2010', 'LOC', 'C', 2),
      ]),
      group('SG48', 'C', 100, [
        segment('2030', 'RCS', 'M', 1),
        segment('2040', 'RFF', 'C', 5),
        segment('2050', 'DTM', 'C', 5),
        segment('2060', 'FTX', 'C', 5),
      ]),
      group('SG49', 'C', 10, [
        segment('2080', 'GIS', 'M', 1),
        segment('2090', 'RFF', 'C', 1),
        segment('2100', 'DTM', 'C', 5),
        segment('2110', 'GIR', 'C', 5),
        segment('2120', 'LOC', 'C', 2),
        segment('2130', 'MEA', 'C', 5),
        segment('2140', 'QTY', 'C', 2),
        segment('2150', 'FTX', 'C', 5),
        segment('2160', 'MOA', 'C', 2),
      ]),
    ]),
    segment('2170', 'UNS', 'M', 1),
    segment('2180', 'CNT', 'C', 10),
    group('SG50', 'M', 100, [
      segment('2200', 'MOA', 'M', 1),
      group('SG51', 'C', 1, [
        segment('2220', 'RFF', 'M', 1),
        segment('2230', 'DTM', 'C', 5),
      ]),
    ]),
    group('SG52', 'C', 10, [
      segment('2250', 'TAX', 'M', 1),
      segment('2260', 'MOA', 'C', 9),
    ]),
    group('SG53', 'C', 15, [
      segment('2280', 'ALC', 'M', 1),
      segment('2290', 'ALI', 'C', 1),
      segment('2300', 'MOA', 'C', 2),
      segment('2310', 'FTX', 'C', 1),
    ]),
    segment('2320', 'UNT', 'M', 1),
  ],
};
