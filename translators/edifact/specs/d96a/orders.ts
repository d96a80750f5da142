import { group, segment, type MessageSpec } from '../spec-types.js';

// D96A ORDERS as the directory's segment table gives it.

export const spec: MessageSpec = {
  type: 'ORDERS',
  name: 'Purchase order message',
  directory: 'D96A',
  body: [
    segment('0010', 'UNH', 'M', 1),
    segment('0020', 'BGM', 'M', 1),
    segment('0030', 'DTM', 'M', 35),
    segment('0040', 'PAI', 'C', 1),
    segment('0050', 'ALI', 'C', 5),
    segment('0060', 'IMD', 'C', 1),
    segment('0070', 'FTX', 'C', 99),
    group('SG1', 'C', 10, [
      segment('0090', 'RFF', 'M', 1),
      segment('0100', 'DTM', 'C', 5),
    ]),
    group('SG2', 'C', 99, [
      segment('0120', 'NAD', 'M', 1),
      segment('0130', 'LOC', 'C', 25),
      segment('0140', 'FII', 'C', 5),
      group('SG3', 'C', 10, [
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
      segment('0300', 'PCD', 'C', 5),
      segment('0310', 'DTM', 'C', 5),
    ]),
    group('SG8', 'C', 10, [
      segment('0330', 'PAT', 'M', 1),
      segment('0340', 'DTM', 'C', 5),
      segment('0350', 'PCD', 'C', 1),
      segment('0360', 'MOA', 'C', 1),
    ]),
    group('SG9', 'C', 10, [
      segment('0380', 'TDT', 'M', 1),
      group('SG10', 'C', 10, [
        segment('0400', 'LOC', 'M', 1),
        segment('0410', 'DTM', 'C', 5),
      ]),
    ]),
    group('SG11', 'C', 5, [
      segment('0430', 'TOD', 'M', 1),
      segment('0440', 'LOC', 'C', 2),
    ]),
    group('SG12', 'C', 10, [
      segment('0460', 'PAC', 'M', 1),
      segment('0470', 'MEA', 'C', 5),
      group('SG13', 'C', 5, [
        segment('0490', 'PCI', 'M', 1),
        segment('0500', 'RFF', 'C', 1),
        segment('0510', 'DTM', 'C', 5),
        segment('0520', 'GIN', 'C', 10),
      ]),
    ]),
    group('SG14', 'C', 10, [
      segment('0540', 'EQD', 'M', 1),
      segment('0550', 'HAN', 'C', 5),
      segment('0560', 'MEA', 'C', 5),
      segment('0570', 'FTX', 'C', 5),
    ]),
    group('SG15', 'C', 10, [
      segment('0590', 'SCC', 'M', 1),
      segment('0600', 'FTX', 'C', 5),
      segment('0610', 'RFF', 'C', 5),
      group('SG16', 'C', 10, [
        segment('0630', 'QTY', 'M', 1),
        segment('0640', 'DTM', 'C', 5),
      ]),
    ]),
    group('SG17', 'C', 25, [
      segment('0660', 'APR', 'M', 1),
      segment('0670', 'DTM', 'C', 5),
      segment('0680', 'RNG', 'C', 1),
    ]),
    group('SG18', 'C', 15, [
      segment('0700', 'ALC', 'M', 1),
      segment('0710', 'ALI', 'C', 5),
      segment('0720', 'DTM', 'C', 5),
      group('SG19', 'C', 1, [
        segment('0740', 'QTY', 'M', 1),
        segment('0750', 'RNG', 'C', 1),
      ]),
      group('SG20', 'C', 1, [
        segment('0770', 'PCD', 'M', 1),
        segment('0780', 'RNG', 'C', 1),
      ]),
      group('SG21', 'C', 2, [
        segment('0800', 'MOA', 'M', 1),
        segment('0810', 'RNG', 'C', 1),
      ]),
      group('SG22', 'C', 1, [
        segment('0830', 'RTE', 'M', 1),
        segment('0840', 'RNG', 'C', 1),
      ]),
      group('SG23', 'C', 5, [
        segment('0860', 'TAX', 'M', 1),
        segment('0870', 'MOA', 'C', 1),
      ]),
    ]),
    group('SG24', 'C', 100, [
      segment('0890', 'RCS', 'M', 1),
      segment('0900', 'RFF', 'C', 5),
      segment('0910', 'DTM', 'C', 5),
      segment('0920', 'FTX', 'C', 5),
    ]),
    group('SG25', 'C', 200000, [
      segment('0940', 'LIN', 'M', 1),
      segment('0950', 'PIA', 'C', 25),
      segment('0960', 'IMD', 'C', 99),
      segment('0970', 'MEA', 'C', 5),
      segment('0980', 'QTY', 'C', 10),
      segment('0990', 'PCD', 'C', 5),
      segment('1000', 'ALI', 'C', 5),
      segment('1010', 'DTM', 'C', 35),
      segment('1020', 'MOA', 'C', 10),
      segment('1030', 'GIN', 'C', 1000),
      segment('1040', 'GIR', 'C', 1000),
      segment('1050', 'QVR', 'C', 1),
      segment('1060', 'DOC', 'C', 5),
      segment('1070', 'PAI', 'C', 1),
      segment('1080', 'FTX', 'C', 99),
      group('SG26', 'C', 999, [
        segment('1100', 'CCI', 'M', 1),
        segment('1110', 'CAV', 'C', 10),
        segment('1120', 'MEA', 'C', 10),
      ]),
      group('SG27', 'C', 10, [
        segment('1140', 'PAT', 'M', 1),
        segment('1150', 'DTM', 'C', 5),
        segment('1160', 'PCD', 'C', 1),
        segment('1170', 'MOA', 'C', 1),
      ]),
      group('SG28', 'C', 25, [
        segment('1190', 'PRI', 'M', 1),
        segment('1200', 'CUX', 'C', 1),
        segment('1210', 'APR', 'C', 1),
        segment('1220', 'RNG', 'C', 1),
        segment('1230', 'DTM', 'C', 5),
      ]),
      group('SG29', 'C', 10, [
        segment('1250', 'RFF', 'M', 1),
        segment('1260', 'DTM', 'C', 5),
      ]),
      group('SG30', 'C', 10, [
        segment('1280', 'PAC', 'M', 1),
        segment('1290', 'MEA', 'C', 5),
        segment('1300', 'QTY', 'C', 5),
        segment('1310', 'DTM', 'C', 5),
        group('SG31', 'C', 1, [
          segment('1330', 'RFF', 'M', 1),
          segment('1340', 'DTM', 'C', 5),
        ]),
        group('SG32', 'C', 5, [
          segment('1360', 'PCI', 'M', 1),
          segment('1370', 'RFF', 'C', 1),
          segment('1380', 'DTM', 'C', 5),
          segment('1390', 'GIN', 'C', 10),
        ]),
      ]),
      group('SG33', 'C', 9999, [
        segment('1410', 'LOC', 'M', 1),
        segment('1420', 'QTY', 'C', 1),
        segment('1430', 'DTM', 'C', 5),
      ]),
      group('SG34', 'C', 10, [
        segment('1450', 'TAX', 'M', 1),
        segment('1460', 'MOA', 'C', 1),
        segment('1470', 'LOC', 'C', 5),
      ]),
      group('SG35', 'C', 99, [
        segment('1490', 'NAD', 'M', 1),
        segment('1500', 'LOC', 'C', 5),
        group('SG36', 'C', 5, [
          segment('1520', 'RFF', 'M', 1),
          segment('1530', 'DTM', 'C', 5),
        ]),
        group('SG37', 'C', 5, [
          segment('1550', 'DOC', 'M', 1),
          segment('1560', 'DTM', 'C', 5),
        ]),
        group('SG38', 'C', 5, [
          segment('1580', 'CTA', 'M', 1),
          segment('1590', 'COM', 'C', 5),
        ]),
      ]),
      group('SG39', 'C', 99, [
        segment('1610', 'ALC', 'M', 1),
        segment('1620', 'ALI', 'C', 5),
        segment('1630', 'DTM', 'C', 5),
        group('SG40', 'C', 1, [
          segment('1650', 'QTY', 'M', 1),
          segment('1660', 'RNG', 'C', 1),
        ]),
        group('SG41', 'C', 1, [
          segment('1680', 'PCD', 'M', 1),
          segment('1690', 'RNG', 'C', 1),
        ]),
        group('SG42', 'C', 2, [
          segment('1710', 'MOA', 'M', 1),
          segment('1720', 'RNG', 'C', 1),
        ]),
        group('SG43', 'C', 1, [
          segment('1740', 'RTE', 'M', 1),
          segment('1750', 'RNG', 'C', 1),
        ]),
        group('SG44', 'C', 5, [
          segment('1770', 'TAX', 'M', 1),
          segment('1780', 'MOA', 'C', 1),
        ]),
      ]),
      group('SG45', 'C', 10, [
        segment('1800', 'TDT', 'M', 1),
        group('SG46', 'C', 10, [
          segment('1820', 'LOC', 'M', 1),
          segment('1830', 'DTM', 'C', 5),
        ]),
      ]),
      group('SG47', 'C', 5, [
        segment('1850', 'TOD', 'M', 1),
        segment('1860', 'LOC', 'C', 2),
      ]),
      group('SG48', 'C', 10, [
        segment('1880', 'EQD', 'M', 1),
        segment('1890', 'HAN', 'C', 5),
        segment('1900', 'MEA', 'C', 5),
        segment('1910', 'FTX', 'C', 5),
      ]),
      group('SG49', 'C', 100, [
        segment('1930', 'SCC', 'M', 1),
        segment('1940', 'FTX', 'C', 5),
        segment('1950', 'RFF', 'C', 5),
        group('SG50', 'C', 10, [
          segment('1970', 'QTY', 'M', 1),
          segment('1980', 'DTM', 'C', 5),
        ]),
      ]),
      group('SG51', 'C', 100, [
        segment('2000', 'RCS', 'M', 1),
        segment('2010', 'RFF', 'C', 5),
        segment('2020', 'DTM', 'C', 5),
        segment('2030', 'FTX', 'C', 5),
      ]),
      group('SG52', 'C', 10, [
        segment('2050', 'STG', 'M', 1),
        group('SG53', 'C', 3, [
          segment('2070', 'QTY', 'M', 1),
          segment('2080', 'MOA', 'C', 1),
        ]),
      ]),
    ]),
    segment('2090', 'UNS', 'M', 1),
    segment('2100', 'MOA', 'C', 12),
    segment('2110', 'CNT', 'C', 10),
    group('SG54', 'C', 10, [
      segment('2130', 'ALC', 'M', 1),
      segment('2140', 'ALI', 'C', 1),
      segment('2150', 'MOA', 'M', 2),
    ]),
    segment('2160', 'UNT', 'M', 1),
  ],
};
