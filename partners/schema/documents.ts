import { Type } from '@sinclair/typebox';
import { TIME_ZONE_NAME } from '../../translators/date-time.js';
import { choice, fields, list, table, text } from '../../translators/schema/fields.js';
import { GuideOverlaySchema } from './guide-overlay.js';

// The business documents a partner exchanges, and per document the partner's quirks: where its item numbers
// are, its units and codes, how it writes dates, and what its guide requires beyond the standard.

export const BUSINESS_DOCUMENTS = ['order', 'shipNotice', 'shipmentStatus', 'invoice'] as const;
export type BusinessDocument = (typeof BUSINESS_DOCUMENTS)[number];

/** The message that carries each business document, in each standard. */
export const MESSAGES = {
  order: { X12: '850', EDIFACT: 'ORDERS' },
  shipNotice: { X12: '856', EDIFACT: 'DESADV' },
  shipmentStatus: { X12: '214', EDIFACT: 'IFTSTA' },
  invoice: { X12: '810', EDIFACT: 'INVOIC' },
} as const satisfies Record<BusinessDocument, { X12: string; EDIFACT: string }>;

/** The business document a message carries: '856' and 'DESADV' carry a shipNotice. */
export function documentOf(message: string): BusinessDocument {
  const found = BUSINESS_DOCUMENTS.find((document) => MESSAGES[document].X12 === message || MESSAGES[document].EDIFACT === message);
  if (!found) throw new RangeError(`${message} carries none of the business documents.`);
  return found;
}

const DateFormatsSchema = fields(
  "How this partner writes dates and times in this document, and the time zone its times are in. We send dates and times so; we read any date and time format the standard has. Left out: we send dates as CCYYMMDD and times as exact as we have them, with the zone they are in, and assume no zone for the partner's times.",
  {
    date: choice(
      'How the partner writes a date: CCYYMMDD (20250131, X12 and EDIFACT format 102) or YYMMDD (250131, EDIFACT format 101 only, for a date without a time). Left out: CCYYMMDD.',
      ['CCYYMMDD', 'YYMMDD'],
      { default: 'CCYYMMDD' },
    ),
    time: choice(
      'How the partner writes a time of day: HHMM (1405) or HHMMSS (140530). With HHMM we leave out the seconds, with HHMMSS a time to the minute gets 00. Left out: HHMM.',
      ['HHMM', 'HHMMSS'],
      { default: 'HHMM' },
    ),
    timeZone: Type.Optional(
      text(
        "The time zone the partner's times are in, as an IANA name (America/Chicago, Europe/Berlin), when the partner has told us: EDI times mostly carry none. Its times without a zone are read as in this zone, and the times we send it are put in this zone and sent without one. Left out: the zone is unknown and none is assumed, so leave it out rather than guess (UTC included).",
        TIME_ZONE_NAME,
      ),
    ),
  },
);

export const DocumentSchema = fields(
  'One business document the partner exchanges, in one direction, with its options.',
  {
    document: choice('Which business document: order, shipNotice (ASN), shipmentStatus (carrier milestones) or invoice.', BUSINESS_DOCUMENTS),
    message: choice(
      "The standard's message for the document: 850, 856, 214, 810 in X12; ORDERS, DESADV, IFTSTA, INVOIC in EDIFACT. Must match the document and the profile's standard.",
      ['850', '856', '214', '810', 'ORDERS', 'DESADV', 'IFTSTA', 'INVOIC'],
    ),
    direction: choice('in: the partner sends it to us and it goes into Odoo; out: Odoo produces it and we send it to the partner.', ['in', 'out']),
    buyerItemQualifiers: Type.Optional(
      list(
        "The product id qualifiers that carry the buyer's item number, most trusted first: in X12 the 235 codes before each id (PO106 BP, IN), in EDIFACT PIA's 7143 codes (IN, BP). Left out: the map's default.",
        text('One qualifier code.', { pattern: '^[A-Z0-9]{1,3}$', expects: '1 to 3 capital letters or digits, like BP or IN' }),
        { minItems: 1, uniqueItems: true },
      ),
    ),
    unitsOfMeasure: Type.Optional(
      table(
        "The partner's unit codes and the UN/ECE Recommendation 20 unit each one means, the units canonical documents use: CA: CS (case), LB: LBR (pound). A code the table leaves out is read as it stands. Which Odoo unit each means is the Odoo side's business.",
        text('The UN/ECE Recommendation 20 unit code, such as EA, CS, KGM or LBR.', { pattern: '^[A-Z0-9]{2,3}$', expects: 'a UN/ECE Recommendation 20 unit code of 2 or 3 capital letters or digits, like CS' }),
      ),
    ),
    dateFormats: Type.Optional(DateFormatsSchema),
    guide: Type.Optional(GuideOverlaySchema),
    codeValues: Type.Optional(
      table(
        "Code translations by element, named as the guide names it: N101: { WH: ST } reads the partner's WH as the standard's ST (ship-to). Inbound the partner's code becomes the standard code the gateway reads; outbound the table is read the other way round.",
        table("The partner's codes in this element and the standard code each one stands for.", text('The standard code the partner\'s code stands for.')),
      ),
    ),
  },
);
