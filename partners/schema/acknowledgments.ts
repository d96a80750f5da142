import { Type } from '@sinclair/typebox';
import { choice, fields, wholeNumber, yesNo } from '../../translators/schema/fields.js';

// What we acknowledge to the partner, and what we expect back from it for the documents we send.

const SendSchema = fields(
  'The acknowledgments we send for what the partner sends; X12 settings are ignored for an EDIFACT partner and the other way round.',
  {
    functionalAck: Type.Optional(
      choice('X12: the functional acknowledgment we send for each group the partner sends. Left out: 999 for 005010, 997 for 004010.', ['997', '999']),
    ),
    ta1: choice(
      'X12: when we send a TA1 for an interchange: requested (only when ISA14 = 1) or requestedOrRejected (also whenever its envelope is refused). Left out: requestedOrRejected.',
      ['requested', 'requestedOrRejected'],
      { default: 'requestedOrRejected' },
    ),
    contrl: choice(
      'EDIFACT: when we send a CONTRL for an interchange: requested (only when UNB 0031 = 1), requestedOrRejected (also whenever something in it is refused) or always. Left out: requestedOrRejected.',
      ['requested', 'requestedOrRejected', 'always'],
      { default: 'requestedOrRejected' },
    ),
  },
  { default: {} },
);

const ExpectSchema = fields(
  'The acknowledgments we expect for the documents we send to the partner.',
  {
    functionalAcks: Type.Optional(
      yesNo(
        'false: the partner sends no 997, 999 or CONTRL for the documents we send, so none is waited for and they end DELIVERED; withinHours and whenOverdue then go unused. Left out: true.',
      ),
    ),
    withinHours: wholeNumber('Hours the partner has to acknowledge a document we sent (997/999 or CONTRL) before it counts as overdue: 1 to 720.', { minimum: 1, maximum: 720 }),
    whenOverdue: choice(
      'What happens to an overdue document: resubmit (send it again), alert (tell support) or both. Support is alerted anyway once the last resubmission is overdue too.',
      ['resubmit', 'alert', 'both'],
    ),
    maxResubmissions: Type.Optional(
      wholeNumber('How many times an overdue document is sent again, 1 to 10; required when whenOverdue is resubmit or both.', { minimum: 1, maximum: 10 }),
    ),
    requestInterchangeAck: yesNo(
      'true: our interchanges ask for an interchange acknowledgment, a TA1 (ISA14 = 1) in X12 or a CONTRL (UNB 0031 = 1) in EDIFACT. Left out: false.',
      { default: false },
    ),
  },
);

export const AcknowledgmentsSchema = fields("The acknowledgment policy: which acknowledgments we send, and how long we wait for the partner's.", {
  send: SendSchema,
  expect: ExpectSchema,
});
