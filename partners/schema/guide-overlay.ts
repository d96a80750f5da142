import { Type, type Static } from '@sinclair/typebox';
import type { ElementOverlay, GuideOverlay, SlotOverlay } from '../../translators/guide-overlay.js';
import { fields, list, table, text, wholeNumber, yesNo } from '../../translators/schema/fields.js';

// translators/guide-overlay.ts as a schema: the same fields, so a profile's overlay goes to applyOverlay
// as it is. The overlay can only tighten the standard; what it names is checked when the set is compiled.

const mandatory = Type.Literal('M', { description: 'M: the partner requires it although the standard does not.' });

const SlotOverlaySchema = fields(
  'How the guide tightens one segment or loop.',
  {
    requirement: Type.Optional(mandatory),
    max: Type.Optional(wholeNumber('Most repeats the partner sends or accepts; at most what the standard allows.', { minimum: 1, maximum: 999_999 })),
    notUsed: Type.Optional(yesNo('true: the guide says "not used", so the segment or loop must not appear.')),
  },
);

const ElementOverlaySchema = fields(
  'How the guide tightens one element.',
  {
    requirement: Type.Optional(mandatory),
    notUsed: Type.Optional(yesNo('true: the guide says "not used", so the element must be empty.')),
    min: Type.Optional(wholeNumber('Shortest value the partner sends or accepts; within the standard\'s lengths.', { minimum: 0, maximum: 99_999 })),
    max: Type.Optional(wholeNumber('Longest value the partner sends or accepts; within the standard\'s lengths.', { minimum: 1, maximum: 99_999 })),
    codes: Type.Optional(
      list("The codes this partner uses, a subset of the standard's list for the element (for example [BK, SO] for an order type).", text('One code.'), { uniqueItems: true }),
    ),
  },
);

export const GuideOverlaySchema = fields(
  "The partner's implementation guide where it is stricter than the standard: segments, loops and elements it requires, " +
    'does not use, repeats less or limits to some codes. Documents that break it are refused like documents that break the standard.',
  {
    loops: Type.Optional(
      table("Loops (X12) or segment groups (EDIFACT) by their ids from the top of the message: 'N1', 'PO1/PID', 'SG10/SG11'.", SlotOverlaySchema),
    ),
    segments: Type.Optional(table("Segments by their loop path and tag: 'BEG', 'N1/N3', 'SG2/NAD'.", SlotOverlaySchema)),
    elements: Type.Optional(
      table(
        "Elements by segment address and two-digit position: 'BEG05', 'PO1/N1/N104', 'SG2/NAD03'; a component after a dash: 'PO1/PO103-1'. " +
          "Without a loop path ('REF02') the change applies to that segment wherever it appears.",
        ElementOverlaySchema,
      ),
    ),
  },
);

// tsc fails here when this schema and translators/guide-overlay.ts drift apart: a value of the schema must be
// a GuideOverlay, and each level must have the same fields (assignability alone lets an optional field slip).
type SameFields<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Holds<T extends true> = T;
type SchemaOverlay = Static<typeof GuideOverlaySchema>;
export type GuideOverlaySchemaAgrees = Holds<
  | (SchemaOverlay extends GuideOverlay ? true : false)
  | SameFields<SchemaOverlay, GuideOverlay>
  | SameFields<Static<typeof SlotOverlaySchema>, SlotOverlay>
  | SameFields<Static<typeof ElementOverlaySchema>, ElementOverlay>
>;
