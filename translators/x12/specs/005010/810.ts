import { loop, segment, UNBOUNDED, type TransactionSetSpec } from '../spec-types.js';

// Positions restart in each of the standard's three tables: heading, detail (the IT1 loop) and summary.

export const spec: TransactionSetSpec = {
  id: '810',
  name: 'Invoice',
  functionalId: 'IN',
  version: '005010',
  body: [
    // Heading
    segment('0100', 'ST', 'M', 1),
    segment('0200', 'BIG', 'M', 1),
    segment('0300', 'NTE', 'O', 100),
    segment('0400', 'CUR', 'O', 1),
    segment('0500', 'REF', 'O', 12),
    segment('0530', 'YNQ', 'O', 10),
    segment('0600', 'PER', 'O', 3),
    loop('N1', 'O', 200, [
      segment('0700', 'N1', 'M', 1),
      segment('0800', 'N2', 'O', 2),
      segment('0900', 'N3', 'O', 2),
      segment('1000', 'N4', 'O', 1),
      segment('1100', 'REF', 'O', 12),
      segment('1200', 'PER', 'O', 3),
      segment('1250', 'DMG', 'O', 1),
    ]),
    segment('1300', 'ITD', 'O', UNBOUNDED),
    segment('1400', 'DTM', 'O', 10),
    segment('1500', 'FOB', 'O', 1),
    segment('1600', 'PID', 'O', 200),
    segment('1700', 'MEA', 'O', 40),
    segment('1800', 'PWK', 'O', 25),
    segment('1900', 'PKG', 'O', 25),
    segment('2000', 'L7', 'O', 1),
    segment('2120', 'BAL', 'O', UNBOUNDED),
    segment('2130', 'INC', 'O', 1),
    segment('2140', 'PAM', 'O', UNBOUNDED),
    segment('2150', 'CRC', 'O', 1),
    loop('LM', 'O', 10, [
      segment('2200', 'LM', 'M', 1),
      segment('2300', 'LQ', 'M', 100),
    ]),
    loop('N9', 'O', 1, [
      segment('2400', 'N9', 'M', 1),
      segment('2500', 'MSG', 'M', 10),
    ]),
    loop('V1', 'O', UNBOUNDED, [
      segment('2600', 'V1', 'M', 1),
      segment('2700', 'R4', 'O', UNBOUNDED),
      segment('2800', 'DTM', 'O', UNBOUNDED),
    ]),
    loop('FA1', 'O', UNBOUNDED, [
      segment('2900', 'FA1', 'M', 1),
      segment('3000', 'FA2', 'M', UNBOUNDED),
    ]),

    // Detail
    loop('IT1', 'O', 200000, [
      segment('0100', 'IT1', 'M', 1),
      segment('0120', 'CRC', 'O', 1),
      segment('0150', 'QTY', 'O', 5),
      segment('0200', 'CUR', 'O', 1),
      segment('0300', 'IT3', 'O', 5),
      segment('0400', 'TXI', 'O', 10),
      segment('0500', 'CTP', 'O', 25),
      segment('0550', 'PAM', 'O', 10),
      segment('0570', 'MEA', 'O', 40),
      loop('PID', 'O', 1000, [
        segment('0600', 'PID', 'M', 1),
        segment('0700', 'MEA', 'O', 10),
      ]),
      segment('0800', 'PWK', 'O', 25),
      segment('0900', 'PKG', 'O', 25),
      segment('1000', 'PO4', 'O', 1),
      segment('1100', 'ITD', 'O', 2),
      segment('1200', 'REF', 'O', UNBOUNDED),
      segment('1250', 'YNQ', 'O', 10),
      segment('1300', 'PER', 'O', 5),
      segment('1400', 'SDQ', 'O', 500),
      segment('1500', 'DTM', 'O', 10),
      segment('1600', 'CAD', 'O', UNBOUNDED),
      segment('1700', 'L7', 'O', UNBOUNDED),
      segment('1750', 'SR', 'O', 1),
      loop('SAC', 'O', UNBOUNDED, [
        segment('1800', 'SAC', 'M', 1),
        loop('TXI', 'O', UNBOUNDED, [
          segment('1900', 'TXI', 'M', 1),
          segment('1910', 'DTM', 'O', 1),
        ]),
      ]),
      loop('SLN', 'O', 1000, [
        segment('2000', 'SLN', 'M', 1),
        segment('2050', 'DTM', 'O', 1),
        segment('2100', 'REF', 'O', UNBOUNDED),
        segment('2200', 'PID', 'O', 1000),
        segment('2300', 'SAC', 'O', UNBOUNDED),
        segment('2350', 'TC2', 'O', 2),
        segment('2400', 'TXI', 'O', UNBOUNDED),
      ]),
      loop('N1', 'O', 200, [
        segment('2500', 'N1', 'M', 1),
        segment('2600', 'N2', 'O', 2),
        segment('2700', 'N3', 'O', 2),
        segment('2800', 'N4', 'O', 1),
        segment('2900', 'REF', 'O', 12),
        segment('3000', 'PER', 'O', 3),
        segment('3050', 'DMG', 'O', 1),
      ]),
      loop('LM', 'O', 10, [
        segment('3100', 'LM', 'M', 1),
        segment('3200', 'LQ', 'M', 100),
      ]),
      loop('V1', 'O', UNBOUNDED, [
        segment('3300', 'V1', 'M', 1),
        segment('3400', 'R4', 'O', UNBOUNDED),
        segment('3500', 'DTM', 'O', UNBOUNDED),
      ]),
      loop('FA1', 'O', UNBOUNDED, [
        segment('3600', 'FA1', 'M', 1),
        segment('3700', 'FA2', 'M', UNBOUNDED),
      ]),
    ]),

    // Summary
    segment('0100', 'TDS', 'M', 1),
    segment('0200', 'TXI', 'O', UNBOUNDED),
    segment('0300', 'CAD', 'O', 1),
    segment('0350', 'AMT', 'O', UNBOUNDED),
    loop('SAC', 'O', UNBOUNDED, [
      segment('0400', 'SAC', 'M', 1),
      segment('0410', 'DTM', 'O', UNBOUNDED),
      loop('TXI', 'O', UNBOUNDED, [
        segment('0420', 'TXI', 'M', 1),
        segment('0430', 'DTM', 'O', 1),
      ]),
    ]),
    loop('ISS', 'O', UNBOUNDED, [
      segment('0600', 'ISS', 'M', 1),
      segment('0700', 'PID', 'O', 1),
    ]),
    segment('0800', 'CTT', 'O', 1),
    segment('0900', 'SE', 'M', 1),
  ],
};
