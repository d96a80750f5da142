import { group, segment, type MessageSpec } from '../spec-types.js';

// D01B ORDERS as the directory's segment table gives it.

export const spec: MessageSpec = {
  type: 'ORDERS',
  name: 'Purchase order message',
  directory: 'D01B',
  body: [
    segment('0010', 'UNH', 'M', 1),
    segment('0020', 'BGM', 'M', 1),
    segment('0030', 'DTM', 'M', 35),
    segment('0040', 'PAI', 'C', 1),
    segment('0050', 'ALI', 'C', 5),
    segment('0060', 'IMD', 'C', 999),
    segment('0070', 'FTX', 'C', 99),
    segment('0080', 'GIR', 'C', 10),
    group('SG1', 'C', 9999, [
      segment('0100', 'RFF', 'M', 1),
      segment('0110', 'DTM', 'C', 5),
    ]),
    group('SG2', 'C', 99, [
      segment('0130', 'NAD', 'M', 1),
      segment('0140', 'LOC', 'C', 99),
      segment('0150', 'FII', 'C', 5),
      group('SG3', 'C', 99, [
        segment('0170', 'RFF', 'M', 1),
        segment('0180', 'DTM', 'C', 5),
      ]),
      group('SG4', 'C', 5, [
        segment('0200', 'DOC', 'M', 1),
        segment('0210', 'DTM', 'C', 5),
      ]),
      group('SG5', 'C', 5, [
        segment('0230', 'CTA', 'M', 1),
        segment('0240', 'COM', 'C', 5),
      ]),
    ]),
    group('SG6', 'C', 5, [
      segment('0260', 'TAX', 'M', 1),
      segment('0270', 'MOA', 'C', 1),
      segment('0280', 'LOC', 'C', 9),
    ]),
    group('SG7', 'C', 5, [
      segment('0300', 'CUX', 'M', 1),
      segment('0310', 'PCD', 'C', 5),
      segment('0320', 'DTM', 'C', 5),
    ]),
    group('SG8', 'C', 10, [
      segment('0340', 'PAT', 'M', 1),
      segment('0350', 'DTM', 'C', 5),
      segment('0360', 'PCD', 'C', 1),
      group('SG9', 'C', 9999, [
        segment('0380', 'MOA', 'M', 1),
        segment('0390', 'GIR', 'C', 9),
        segment('0400', 'RJL', 'C', 99),
      ]),
    ]),
    group('SG10', 'C', 10, [
      segment('0420', 'TDT', 'M', 1),
      group('SG11', 'C', 10, [
        segment('0440', 'LOC', 'M', 1),
        segment('0450', 'DTM', 'C', 5),
      ]),
    ]),
    group('SG12', 'C', 5, [
      segment('0470', 'TOD', 'M', 1),
      segment('0480', 'LOC', 'C', 2),
    ]),
    group('SG13', 'C', 99, [
      segment('0500', 'PAC', 'M', 1),
      segment('0510', 'MEA', 'C', 5),
      group('SG14', 'C', 5, [
        segment('0530', 'PCI', 'M', 1),
        segment('0540', 'RFF', 'C', 1),
        segment('0550', 'DTM', 'C', 5),
        segment('0560', 'GIN', 'C', 10),
      ]),
    ]),
    group('SG15', 'C', 10, [
      segment('0580', 'EQD', 'M', 1),
      segment('0590', 'HAN', 'C', 5),
      segment('0600', 'MEA', 'C', 5),
      segment('0610', 'FTX', 'C', 5),
    ]),
    group('SG16', 'C', 10, [
      segment('0630', 'SCC', 'M', 1),
      segment('0640', 'FTX', 'C', 5),
      segment('0650', 'RFF', 'C', 5),
      group('SG17', 'C', 10, [
        segment('0670', 'QTY', 'M', 1),
        segment('0680', 'DTM', 'C', 5),
      ]),
    ]),
    group('SG18', 'C', 25, [
      segment('0700', 'APR', 'M', 1),
      segment('0710', 'DTM', 'C', 5),
      segment('0720', 'RNG', 'C', 1),
    ]),
    group('SG19', 'C', 99, [
      segment('0740', 'ALC', 'M', 1),
      segment('0750', 'ALI', 'C', 5),
      segment('0760', 'DTM', 'C', 5),
      group('SG20', 'C', 1, [
        segment('0780', 'QTY', 'M', 1),
        segment('0790', 'RNG', 'C', 1),
      ]),
      group('SG21', 'C', 1, [
        segment('0810', 'PCD', 'M', 1),
        segment('0820', 'RNG', 'C', 1),
      ]),
      group('SG22', 'C', 2, [
        segment('0840', 'MOA', 'M', 1),
        segment('0850', 'RNG', 'C', 1),
      ]),
      group('SG23', 'C', 1, [
        segment('0870', 'RTE', 'M', 1),
        segment('0880', 'RNG', 'C', 1),
      ]),
      group('SG24', 'C', 5, [
        segment('0900', 'TAX', 'M', 1),
        segment('0910', 'MOA', 'C', 1),
      ]),
    ]),
    group('SG25', 'C', 999, [
      segment('0930', 'RCS', 'M', 1),
      segment('0940', 'RFF', 'C', 5),
      segment('0950', 'DTM', 'C', 5),
      segment('0960', 'FTX', 'C', 99999),
    ]),
    group('SG26', 'C', 999, [
      segment('0980', 'DGS', 'M', 1),
      segment('0990', 'FTX', 'C', 5),
      group('SG27', 'C', 99, [
        segment('1010', 'CTA', 'M', 1),
        segment('1020', 'COM', 'C', 5),
      ]),
    ]),
    group('SG28', 'C', 200000, [
      segment('1040', 'LIN', 'M', 1),
      segment('1050', 'PIA', 'C', 25),
      segment('1060', 'IMD', 'C', 99),
      segment('1070', 'MEA', 'C', 99),
      segment('1080', 'QTY', 'C', 99),
      segment('1090', 'PCD', 'C', 5),
      segment('1100', 'ALI', 'C', 5),
      segment('1110', 'DTM', 'C', 35),
      segment('1120', 'MOA', 'C', 10),
      segment('1130', 'GIS', 'C', 99),
      segment('1140', 'GIN', 'C', 1000),
      segment('1150', 'GIR', 'C', 1000),
      segment('1160', 'QVR', 'C', 1),
      segment('1170', 'DOC', 'C', 99),
      segment('1180', 'PAI', 'C', 1),
      segment('1190', 'MTD', 'C', 99),
      segment('1200', 'FTX', 'C', 99),
      group('SG29', 'C', 999, [
        segment('1220', 'CCI', 'M', 1),
        segment('1230', 'CAV', 'C', 10),
        segment('1240', 'MEA', 'C', 10),
      ]),
      group('SG30', 'C', 10, [
        segment('1260', 'PAT', 'M', 1),
        segment('1270', 'DTM', 'C', 5),
        segment('1280', 'PCD', 'C', 1),
        group('SG31', 'C', 9999, [
          segment('1300', 'MOA', 'M', 1),
          segment('1310', 'GIR', 'C', 9),
        ]),
      ]),
      group('SG32', 'C', 25, [
        segment('1330', 'PRI', 'M', 1),
        segment('1340', 'CUX', 'C', 1),
        segment('1350', 'APR', 'C', 99),
        segment('1360', 'RNG', 'C', 1),
        segment('1370', 'DTM', 'C', 5),
      ]),
      group('SG33', 'C', 9999, [
        segment('1390', 'RFF', 'M', 1),
        segment('1400', 'DTM', 'C', 5),
        segment('1410', 'GIS', 'C', 99),
        segment('1420', 'MOA', 'C', 99),
      ]),
      group('SG34', 'C', 99, [
        segment('1440', 'PAC', 'M', 1),
        segment('1450', 'MEA', 'C', 5),
        segment('1460', 'QTY', 'C', 5),
        segment('1470', 'DTM', 'C', 5),
        group('SG35', 'C', 1, [
          segment('1490', 'RFF', 'M', 1),
          segment('1500', 'DTM', 'C', 5),
        ]),
        group('SG36', 'C', 5, [
          segment('1520', 'PCI', 'M', 1),
          segment('1530', 'RFF', 'C', 1),
          segment('1540', 'DTM', 'C', 5),
          segment('1550', 'GIN', 'C', 10),
        ]),
      ]),
      group('SG37', 'C', 9999, [
        segment('1570', 'LOC', 'M', 1),
        segment('1580', 'QTY', 'C', 1),
        segment('1590', 'PCD', 'C', 1),
        segment('1600', 'DTM', 'C', 5),
      ]),
      group('SG38', 'C', 10, [
        segment('1620', 'TAX', 'M', 1),
        segment('1630', 'MOA', 'C', 1),
        segment('1640', 'LOC', 'C', 5),
      ]),
      group('SG39', 'C', 999, [
        segment('1660', 'NAD', 'M', 1),
        segment('1670', 'LOC', 'C', 5),
        segment('1680', 'FII', 'C', 5),
        group('SG40', 'C', 99, [
          segment('1700', 'RFF', 'M', 1),
          segment('1710', 'DTM', 'C', 5),
        ]),
        group('SG41', 'C', 5, [
          segment('1730', 'DOC', 'M', 1),
          segment('1740', 'DTM', 'C', 5),
        ]),
        group('SG42', 'C', 5, [
          segment('1760', 'CTA', 'M', 1),
          segment('1770', 'COM', 'C', 5),
        ]),
      ]),
      group('SG43', 'C', 99, [
        segment('1790', 'ALC', 'M', 1),
        segment('1800', 'ALI', 'C', 5),
        segment('1810', 'DTM', 'C', 5),
        group('SG44', 'C', 1, [
          segment('1830', 'QTY', 'M', 1),
          segment('1840', 'RNG', 'C', 1),
        ]),
        group('SG45', 'C', 1, [
          segment('1860', 'PCD', 'M', 1),
          segment('1870', 'RNG', 'C', 1),
        ]),
        group('SG46', 'C', 2, [
          segment('1890', 'MOA', 'M', 1),
          segment('1900', 'RNG', 'C', 1),
        ]),
        group('SG47', 'C', 1, [
          segment('1920', 'RTE', 'M', 1),
          segment('1930', 'RNG', 'C', 1),
        ]),
        group('SG48', 'C', 5, [
          segment('1950', 'TAX', 'M', 1),
          segment('1960', 'MOA', 'C', 1),
        ]),
      ]),
      group('SG49', 'C', 10, [
        segment('1980', 'TDT', 'M', 1),
        group('SG50', 'C', 10, [
          segment('2000', 'LOC', 'M', 1),
          segment('2010', 'DTM', 'C', 5),
        ]),
      ]),
      group('SG51', 'C', 5, [
        segment('2030', 'TOD', 'M', 1),
        segment('2040', 'LOC', 'C', 2),
      ]),
      group('SG52', 'C', 10, [
        segment('2060', 'EQD', 'M', 1),
        segment('2070', 'HAN', 'C', 5),
        segment('2080', 'MEA', 'C', 5),
        segment('2090', 'FTX', 'C', 5),
      ]),
      group('SG53', 'C', 100, [
        segment('2110', 'SCC', 'M', 1),
        segment('2120', 'FTX', 'C', 5),
        segment('2130', 'RFF', 'C', 5),
        group('SG54', 'C', 10, [
          segment('2150', 'QTY', 'M', 1),
          segment('2160', 'DTM', 'C', 5),
        ]),
      ]),
      group('SG55', 'C', 999, [
        segment('2180', 'RCS', 'M', 1),
        segment('2190', 'RFF', 'C', 5),
        segment('2200', 'DTM', 'C', 5),
        segment('2210', 'FTX', 'C', 99999),
      ]),
      group('SG56', 'C', 10, [
        segment('2230', 'STG', 'M', 1),
        group('SG57', 'C', 3, [
          segment('2250', 'QTY', 'M', 1),
          segment('2260', 'MOA', 'C', 1),
        ]),
      ]),
      group('SG58', 'C', 999, [
        segment('2280', 'DGS', 'M', 1),
        segment('2290', 'FTX', 'C', 5),
        group('SG59', 'C', 99, [
          segment('2310', 'CTA', 'M', 1),
          segment('2320', 'COM', 'C', 5),
        ]),
      ]),
    ]),
    segment('2330', 'UNS', 'M', 1),
    segment('2340', 'MOA', 'C', 99),
    segment('2350', 'CNT', 'C', 10),
    group('SG60', 'C', 10, [
      segment('2370', 'ALC', 'M', 1),
      segment('2380', 'ALI', 'C', 1),
      segment('2390', 'MOA', 'M', 2),
    ]),
    segment('2400', 'UNT', 'M', 1),
  ],
};
