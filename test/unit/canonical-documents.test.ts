import { describe, expect, it } from '@jest/globals';
import { KindGuard, type TSchema } from '@sinclair/typebox';
import { canonicalSchemas, parseCanonical, type Problem } from '../../translators/canonical/index.js';
import { functionalAck, invoice, order, shipmentStatus, shipNotice } from './canonical-examples.js';

/** A deep copy of `document` as plain JSON, changed by `change`. */
function changed<T>(document: T, change: (copy: any) => void): unknown {
  const copy = structuredClone(document);
  change(copy);
  return copy;
}

function problemsOf(json: unknown): readonly Problem[] {
  const parsed = parseCanonical(json);
  if (parsed.ok) throw new Error('Expected the document to be refused, but it was accepted.');
  return parsed.problems;
}

describe('parseCanonical', () => {
  it.each([
    ['order', order],
    ['ship-notice', shipNotice],
    ['shipment-status', shipmentStatus],
    ['invoice', invoice],
    ['functional-ack', functionalAck],
  ])('accepts a valid %s as it is', (_kind, document) => {
    expect(parseCanonical(structuredClone(document))).toEqual({ ok: true, document });
  });

  it.each<[string, unknown, Problem]>([
    [
      'a decimal written with a comma',
      changed(order, (copy) => (copy.lines[1].quantity.value = '2,5')),
      { code: 'VALUE_INVALID', path: '/lines/1/quantity/value', reason: "must be an exact decimal written as text, like '1234.50', got '2,5'" },
    ],
    [
      'an amount given as a JS number',
      changed(order, (copy) => (copy.lines[0].unitPrice.amount = 3.25)),
      { code: 'VALUE_INVALID', path: '/lines/0/unitPrice/amount', reason: "must be an exact decimal written as text, like '1234.50', got 3.25" },
    ],
    [
      'a currency in lower case',
      changed(order, (copy) => (copy.lines[0].unitPrice.currency = 'usd')),
      { code: 'VALUE_INVALID', path: '/lines/0/unitPrice/currency', reason: "must be an ISO 4217 currency code of 3 capital letters, like USD, got 'usd'" },
    ],
    [
      'a currency code that does not exist',
      changed(invoice, (copy) => (copy.totals.total.currency = 'XYZ')),
      { code: 'CURRENCY_UNKNOWN', path: '/totals/total/currency', reason: '"XYZ" is not an ISO 4217 currency code in use.' },
    ],
    [
      'an SSCC with a wrong check digit',
      changed(shipNotice, (copy) => (copy.orders[0].pallets[0].cartons[0].sscc = '006141410000012344')),
      {
        code: 'CHECK_DIGIT_WRONG',
        path: '/orders/0/pallets/0/cartons/0/sscc',
        reason: 'The SSCC 006141410000012344 ends in 4 but its check digit is 3; the number is mistyped or misread.',
      },
    ],
    [
      'an SSCC that is too short',
      changed(shipNotice, (copy) => (copy.orders[0].pallets[0].sscc = '12345')),
      { code: 'VALUE_INVALID', path: '/orders/0/pallets/0/sscc', reason: "must be an SSCC-18 of 18 digits, like 003456789012345670, got '12345'" },
    ],
    [
      'a GTIN with a wrong check digit',
      changed(invoice, (copy) => (copy.lines[0].item.gtin = '00012345678906')),
      {
        code: 'CHECK_DIGIT_WRONG',
        path: '/lines/0/item/gtin',
        reason: 'The GTIN 00012345678906 ends in 6 but its check digit is 5; the number is mistyped or misread.',
      },
    ],
    [
      'a missing order number',
      changed(order, (copy) => delete copy.orderNumber),
      {
        code: 'FIELD_MISSING',
        path: '/orderNumber',
        reason: "is required; it holds: The buyer's purchase order number: the key buyer, seller and warehouse find the order by.",
      },
    ],
    [
      'a misspelt field',
      changed(order, (copy) => (copy.lines[0].qty = copy.lines[0].quantity)),
      { code: 'FIELD_UNKNOWN', path: '/lines/0/qty', reason: 'is not a field here; the fields here are lineNumber, item, quantity, unitPrice' },
    ],
    [
      'a role that does not exist',
      changed(order, (copy) => (copy.parties[0].role = 'customer')),
      {
        code: 'VALUE_INVALID',
        path: '/parties/0/role',
        reason: "must be one of 'buyer', 'seller', 'ship-to', 'ship-from', 'bill-to', 'remit-to', 'mark-for', 'carrier', 'shipper' or 'consignee', got 'customer'",
      },
    ],
    [
      'an order without lines',
      changed(order, (copy) => (copy.lines = [])),
      { code: 'VALUE_INVALID', path: '/lines', reason: 'must be a list of at least 1 item, got an empty list' },
    ],
    [
      'an empty order number',
      changed(order, (copy) => (copy.orderNumber = '')),
      { code: 'VALUE_INVALID', path: '/orderNumber', reason: 'must not be empty; write the value, or leave out a field that is optional' },
    ],
    [
      'parties that are not a list',
      changed(order, (copy) => (copy.parties = copy.parties[0])),
      { code: 'VALUE_INVALID', path: '/parties', reason: 'must be a list, got a group of fields' },
    ],
    [
      'a package count written as text',
      changed(shipNotice, (copy) => (copy.packageCount = '2')),
      { code: 'VALUE_INVALID', path: '/packageCount', reason: "must be a whole number of 1 or more, got '2'" },
    ],
    [
      'a line number used twice',
      changed(order, (copy) => (copy.lines[1].lineNumber = '1')),
      { code: 'LINE_NUMBER_REPEATED', path: '/lines/1/lineNumber', reason: 'Line number "1" is already used at /lines/0/lineNumber; each line needs its own.' },
    ],
    [
      'an item with no number',
      changed(order, (copy) => (copy.lines[1].item = { description: 'A red mug' })),
      {
        code: 'ITEM_UNIDENTIFIED',
        path: '/lines/1/item',
        reason: 'The item has no GTIN, buyer item number or vendor item number, so the product cannot be found.',
      },
    ],
    [
      'a GLN with a wrong check digit',
      changed(order, (copy) => (copy.parties[0].identifiers[0].value = '1234567890123')),
      {
        code: 'CHECK_DIGIT_WRONG',
        path: '/parties/0/identifiers/0/value',
        reason: 'The GLN 1234567890123 ends in 3 but its check digit is 8; the number is mistyped or misread.',
      },
    ],
    [
      'a DUNS number of the wrong length',
      changed(order, (copy) => (copy.parties[2].identifiers[0].value = '1234567')),
      {
        code: 'IDENTIFIER_MALFORMED',
        path: '/parties/2/identifiers/0/value',
        reason: '"1234567" is not a DUNS: a DUNS number has 9 digits, or 13 with its site suffix.',
      },
    ],
    [
      'a SCAC in lower case',
      changed(shipNotice, (copy) => (copy.parties[1].identifiers[0].value = 'abcd')),
      { code: 'IDENTIFIER_MALFORMED', path: '/parties/1/identifiers/0/value', reason: '"abcd" is not a SCAC: a SCAC has 2 to 4 capital letters.' },
    ],
    [
      'the same SSCC on two packages',
      changed(shipNotice, (copy) => (copy.orders[0].pallets[0].cartons[0].sscc = copy.orders[0].pallets[0].sscc)),
      {
        code: 'SSCC_REPEATED',
        path: '/orders/0/pallets/0/cartons/0/sscc',
        reason: 'SSCC 106141411234567897 is already on the package at /orders/0/pallets/0/sscc; every pallet and carton needs its own label.',
      },
    ],
    [
      'a shipment status that names no shipment',
      changed(shipmentStatus, (copy) => delete copy.proNumber),
      { code: 'REFERENCE_MISSING', path: '', reason: 'A shipment status needs a shipment id, bill of lading or PRO number to find its shipment.' },
    ],
    [
      'a status the standard vocabulary does not have',
      changed(shipmentStatus, (copy) => (copy.events[0].status = 'AF')),
      { code: 'VALUE_INVALID', path: '/events/0/status', reason: expect.stringMatching(/^must be one of 'appointment-scheduled', .* or 'exception', got 'AF'$/) as unknown as string },
    ],
    [
      'an acknowledgment of nothing',
      changed(functionalAck, (copy) => (copy.acknowledged = {})),
      { code: 'REFERENCE_MISSING', path: '/acknowledged', reason: 'An acknowledgment needs the control number of the interchange or group it answers.' },
    ],
    [
      'a negative count in an acknowledgment',
      changed(functionalAck, (copy) => (copy.counts.accepted = -1)),
      { code: 'VALUE_INVALID', path: '/counts/accepted', reason: 'must be a whole number of 0 or more, got -1' },
    ],
  ])('refuses %s, naming the place and the reason', (_label, json, problem) => {
    expect(problemsOf(json)).toEqual([problem]);
  });

  it('refuses a kind it does not know', () => {
    expect(problemsOf({ ...order, kind: 'purchase-order' })).toEqual([
      {
        code: 'KIND_UNKNOWN',
        path: '/kind',
        reason: '"purchase-order" is not a kind of canonical document; expected one of "order", "ship-notice", "shipment-status", "invoice", "functional-ack".',
      },
    ]);
  });

  it('refuses a document without a kind, and what is not a document', () => {
    expect(problemsOf(changed(order, (copy) => delete copy.kind))).toMatchObject([{ code: 'FIELD_MISSING', path: '/kind' }]);
    for (const json of [null, [], 'order', 42]) expect(problemsOf(json)).toMatchObject([{ code: 'VALUE_INVALID', path: '' }]);
  });

  it('checks a document against the schema of its own kind', () => {
    const problems = problemsOf({ ...invoice, kind: 'order' });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'FIELD_MISSING', path: '/dates/ordered' }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'FIELD_UNKNOWN', path: '/invoiceNumber' }));
  });

  it('lists every problem, each once', () => {
    const json = changed(order, (copy) => {
      delete copy.orderNumber;
      copy.lines[0].quantity.value = 'twelve';
      copy.lines[1].quantity.unit = 'each';
    });
    expect(problemsOf(json).map((problem) => problem.path)).toEqual(['/orderNumber', '/lines/0/quantity/value', '/lines/1/quantity/unit']);
  });
});

describe('dates and times', () => {
  const atDelivery = (requestedDelivery: unknown) => changed(order, (copy) => (copy.dates.requestedDelivery = requestedDelivery));

  it.each([
    ['a date alone', { date: '2025-03-10' }],
    ['a date and a time without a zone', { date: '2025-03-10', time: '08:00' }],
    ['seconds and hundredths', { date: '2025-03-10', time: '08:00:59.25' }],
    ['a UTC offset', { date: '2025-03-10', time: '08:00', utcOffset: '+01:00' }],
    ['a time zone', { date: '2025-03-10', time: '08:00', timeZone: 'Europe/Berlin' }],
    ['a leap day', { date: '2024-02-29' }],
  ])('keeps %s exactly as given', (_label, requestedDelivery) => {
    const parsed = parseCanonical(atDelivery(requestedDelivery));
    expect(parsed.ok && parsed.document.kind === 'order' && parsed.document.dates.requestedDelivery).toEqual(requestedDelivery);
  });

  it.each<[string, unknown, Partial<Problem>]>([
    ['a day not in the calendar', { date: '2025-02-29' }, { code: 'DATE_NOT_IN_CALENDAR', path: '/dates/requestedDelivery/date', reason: '2025-02-29 is not a day of the calendar.' }],
    ['a date in EDI form', { date: '20250310' }, { code: 'VALUE_INVALID', path: '/dates/requestedDelivery/date' }],
    ['a time in EDI form', { date: '2025-03-10', time: '0800' }, { code: 'VALUE_INVALID', path: '/dates/requestedDelivery/time' }],
    ['hour 24', { date: '2025-03-10', time: '24:00' }, { code: 'VALUE_INVALID', path: '/dates/requestedDelivery/time' }],
    ['an offset for a date alone', { date: '2025-03-10', utcOffset: '-05:00' }, { code: 'ZONE_WITHOUT_TIME', path: '/dates/requestedDelivery/utcOffset' }],
    ['an unknown time zone', { date: '2025-03-10', time: '08:00', timeZone: 'Mars/Olympus' }, { code: 'TIME_ZONE_UNKNOWN', path: '/dates/requestedDelivery/timeZone' }],
    ['a date-time string', '2025-03-10T08:00:00Z', { code: 'VALUE_INVALID', path: '/dates/requestedDelivery', reason: "must be a group of fields (name: value), got '2025-03-10T08:00:00Z'" }],
  ])('refuses %s', (_label, requestedDelivery, problem) => {
    expect(problemsOf(atDelivery(requestedDelivery))).toEqual([expect.objectContaining(problem)]);
  });
});

describe('canonicalSchemas', () => {
  it('has one schema per kind, whose kind field is that kind', () => {
    for (const [kind, schema] of Object.entries(canonicalSchemas)) expect(schema.properties.kind.const).toBe(kind);
  });

  it('serialises to plain JSON Schema, rules left out', () => {
    const published = JSON.parse(JSON.stringify(canonicalSchemas['ship-notice']));
    expect(published).toMatchObject({ type: 'object', additionalProperties: false, required: expect.arrayContaining(['kind', 'shipmentId', 'orders']) });
    expect(published.properties.orders.items.properties.pallets.items.properties.sscc).toEqual({
      type: 'string',
      minLength: 1,
      pattern: '^\\d{18}$',
      expects: 'an SSCC-18 of 18 digits, like 003456789012345670',
      description: expect.any(String),
    });
  });

  it('describes every field in words', () => {
    const undescribed: string[] = [];
    const visit = (schema: TSchema, path: string) => {
      if (typeof schema.description !== 'string' || schema.description.trim() === '') undescribed.push(path);
      if (KindGuard.IsObject(schema)) for (const [key, property] of Object.entries(schema.properties)) visit(property, `${path}/${key}`);
      if (KindGuard.IsArray(schema)) visit(schema.items, `${path}/items`);
      if (KindGuard.IsUnion(schema)) schema.anyOf.forEach((variant, index) => visit(variant, `${path}/anyOf/${index}`));
    };
    for (const [kind, schema] of Object.entries(canonicalSchemas)) visit(schema, kind);
    expect(undescribed).toEqual([]);
  });
});
