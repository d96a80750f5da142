import { choice } from '../schema/fields.js';

// Whether a document is new or replaces, changes or cancels one sent before: the difference between
// creating a record and updating, cancelling or ignoring one.

export const Purpose = choice('Whether this is a new document or one about a document sent before with the same number.', {
  original: 'A new document.',
  change: 'Changes the document sent before with the same number.',
  replacement: 'Replaces the document sent before with the same number entirely.',
  cancellation: 'Cancels the document sent before with the same number.',
  duplicate: 'A copy of a document sent before, for the record; it changes nothing.',
});
