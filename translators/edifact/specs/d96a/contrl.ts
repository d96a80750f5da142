import { group, segment, type MessageSpec } from '../spec-types.js';

// CONTRL as syntax version 3 defines it, filed under D96A by the registry (UNH CONTRL:D:3). SG1 answers
// the messages of an interchange without groups, SG3 its groups and, in SG4, their messages; an interchange
// holds one kind or the other, so a CONTRL uses one of the two.

export const spec: MessageSpec = {
  type: 'CONTRL',
  name: 'Syntax and service report message',
  directory: 'D96A',
  body: [
    segment('0010', 'UNH', 'M', 1),
    segment('0020', 'UCI', 'M', 1),
    group('SG1', 'C', 999999, [
      segment('0040', 'UCM', 'M', 1),
      group('SG2', 'C', 999, [
        segment('0060', 'UCS', 'M', 1),
        segment('0070', 'UCD', 'C', 99),
      ]),
    ]),
    group('SG3', 'C', 999999, [
      segment('0090', 'UCF', 'M', 1),
      group('SG4', 'C', 999999, [
        segment('0110', 'UCM', 'M', 1),
        group('SG5', 'C', 999, [
          segment('0130', 'UCS', 'M', 1),
          segment('0140', 'UCD', 'C', 99),
        ]),
      ]),
    ]),
    segment('0150', 'UNT', 'M', 1),
  ],
};
