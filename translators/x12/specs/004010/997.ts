import { loop, segment, type TransactionSetSpec } from '../spec-types.js';

export const spec: TransactionSetSpec = {
  id: '997',
  name: 'Functional Acknowledgment',
  functionalId: 'FA',
  version: '004010',
  body: [
    segment('010', 'ST', 'M', 1),
    segment('020', 'AK1', 'M', 1),
    loop('AK2', 'O', 999999, [
      segment('030', 'AK2', 'O', 1),
      loop('AK3', 'O', 999999, [
        segment('040', 'AK3', 'O', 1),
        segment('050', 'AK4', 'O', 99),
      ]),
      segment('060', 'AK5', 'M', 1),
    ]),
    segment('070', 'AK9', 'M', 1),
    segment('080', 'SE', 'M', 1),
  ],
};
