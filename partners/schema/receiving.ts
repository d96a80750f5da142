import { choice, fields, wholeNumber } from '../../translators/schema/fields.js';

// How what the partner sends is taken in, beyond its envelopes and documents.

export const ReceivingSchema = fields(
  'How what the partner sends is taken in: duplicates, and files marked for the other usage.',
  {
    duplicateWindowDays: wholeNumber(
      'Days during which an interchange with the same sender, receiver and control number (ISA13, UNB 0020) as one received before is a duplicate, not processed again: 1 to 365. Left out: 90.',
      { minimum: 1, maximum: 365, default: 90 },
    ),
    otherUsage: choice(
      "What becomes of a test file (ISA15 = T, UNB 0035 = 1) from a partner in production, or a production file from a partner in test: reject (refused, the reason on the file) or quarantine (kept untouched until support decides). Left out: reject.",
      ['reject', 'quarantine'],
      { default: 'reject' },
    ),
  },
  { default: {} },
);
