import { Type, type Static } from '@sinclair/typebox';
import { choice, fields, list, text, wholeNumber } from '../schema/fields.js';
import { withRule } from './rules.js';
import { Source } from './source.js';

// A partner's answer to what we sent (or ours to what it sent): which group and which transaction sets or
// messages were accepted or rejected, and the errors found. Inbound it settles our outbound documents.

const position = (description: string) => Type.Optional(wholeNumber(description, { minimum: 1 }));

const AckError = fields('One error the receiver found.', {
  level: choice('What the error is about.', {
    interchange: 'The interchange envelope.',
    group: 'The functional group.',
    set: 'A transaction set or message as a whole.',
    segment: 'A segment.',
    element: 'An element, component or repetition within a segment.',
  }),
  code: text("The standard's own error code, as the acknowledgment wrote it."),
  reason: text('What the code means, in plain words.'),
  segment: Type.Optional(text('The tag of the segment in error, such as N1.')),
  segmentPosition: position('The position of the segment in its transaction set or message, counting its header segment as 1.'),
  loop: Type.Optional(text('The loop or segment group the segment is in, as the acknowledgment named it.')),
  element: position('The position of the element in its segment, from 1.'),
  component: position('The position of the component in its composite element, from 1.'),
  repetition: position('Which repetition of a repeating element, from 1.'),
  badValue: Type.Optional(text('The value in error, as the acknowledgment copied it.')),
});

const errors = (description: string) => Type.Optional(list(description, AckError, { minItems: 1 }));

const AcknowledgedSet = fields('What the acknowledgment says of one transaction set or message.', {
  setControlNumber: text('The control number of the acknowledged transaction set or message.'),
  setType: Type.Optional(text('The transaction set identifier or message type acknowledged, as written.')),
  status: choice('What became of it.', {
    accepted: 'Accepted.',
    'accepted-with-errors': 'Accepted, with errors noted.',
    rejected: 'Rejected: it must be corrected and sent again.',
  }),
  errors: errors('The errors found in it.'),
});

export const FunctionalAck = withRule(
  fields('A functional acknowledgment: what a receiver accepted or rejected of a group or interchange.', {
    kind: Type.Literal('functional-ack', { description: 'Says that this is a functional acknowledgment.' }),
    source: Source,
    acknowledged: fields('The interchange or group the acknowledgment answers.', {
      interchangeControlNumber: Type.Optional(text('The control number of the acknowledged interchange.')),
      groupControlNumber: Type.Optional(text('The control number of the acknowledged functional group.')),
      functionalId: Type.Optional(text('What kind of documents the acknowledged group holds, by its functional identifier code.')),
    }),
    status: choice('What became of the group or interchange as a whole.', {
      accepted: 'Accepted.',
      'accepted-with-errors': 'Accepted, with errors noted.',
      'partially-accepted': 'Some transaction sets or messages accepted, others rejected.',
      rejected: 'Rejected as a whole.',
    }),
    counts: Type.Optional(
      fields('How many transaction sets or messages the group held, arrived and were accepted.', {
        included: wholeNumber('How many the group trailer says it holds.', { minimum: 0 }),
        received: wholeNumber('How many the receiver found.', { minimum: 0 }),
        accepted: wholeNumber('How many the receiver accepted.', { minimum: 0 }),
      }),
    ),
    errors: errors('Errors in the group or interchange itself.'),
    sets: list('One entry per transaction set or message acknowledged; empty when only the group or interchange is answered.', AcknowledgedSet),
  }),
  ({ acknowledged }) =>
    acknowledged.interchangeControlNumber ?? acknowledged.groupControlNumber
      ? []
      : [{ code: 'REFERENCE_MISSING', path: '/acknowledged', reason: 'An acknowledgment needs the control number of the interchange or group it answers.' }],
);

export type FunctionalAck = Static<typeof FunctionalAck>;
