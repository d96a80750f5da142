import { Type, type Static } from '@sinclair/typebox';
import { choice, fields, list, text } from '../schema/fields.js';
import { dateTime } from './dates.js';
import { address, parties } from './parties.js';
import { withRule } from './rules.js';
import { Source } from './source.js';
import { Equipment, Transport } from './transport.js';

// A carrier's milestones for one shipment: picked up, in transit, delivered, delayed and why. Inbound
// they update the delivery's tracking and status; outbound they tell the customer where its goods are.

const StatusEvent = fields('One milestone of the shipment.', {
  status: choice('What happened.', {
    'appointment-scheduled': 'A pickup or delivery appointment was made.',
    'arrived-at-pickup': 'The carrier arrived where the goods are picked up.',
    'picked-up': 'The carrier has the goods and left the pickup place.',
    'arrived-at-terminal': "The goods arrived at one of the carrier's terminals.",
    'departed-terminal': "The goods left one of the carrier's terminals.",
    'in-transit': 'The goods are on their way.',
    'out-for-delivery': 'The goods are on the vehicle that delivers them.',
    'arrived-at-delivery': 'The carrier arrived where the goods are delivered.',
    delivered: 'The goods were delivered.',
    'delivery-estimated': 'The carrier says when it expects to deliver; the time of the event is that estimate.',
    delayed: 'The shipment is late; the reason says why.',
    exception: 'Something went wrong that needs attention, such as damage, refusal or loss; the reason says what.',
  }),
  reason: Type.Optional(
    choice('Why, for a delay or an exception; normal when all is as planned.', {
      normal: 'All is as planned.',
      weather: 'Weather or a natural disaster.',
      mechanical: 'A breakdown of the vehicle or equipment.',
      traffic: 'Traffic or road closures.',
      'missed-appointment': 'An appointment was missed or had to be moved.',
      'consignee-closed': 'The place of delivery was closed.',
      refused: 'The consignee refused the goods.',
      'address-problem': 'The address is wrong or incomplete.',
      damaged: 'The goods are damaged.',
      customs: 'Held by customs.',
      'carrier-capacity': 'The carrier had no room or no driver.',
      other: 'Another reason; the note may say which.',
    }),
  ),
  at: dateTime('When it happened, or, for an estimate, when it is expected.'),
  location: Type.Optional(address('Where it happened.')),
  equipment: Type.Optional(Equipment),
  note: Type.Optional(text("The carrier's own words about the event.")),
});

export const ShipmentStatus = withRule(
  fields("A carrier's status report on one shipment.", {
    kind: Type.Literal('shipment-status', { description: 'Says that this is a shipment status.' }),
    source: Source,
    shipmentId: Type.Optional(text("The shipper's number for the shipment.")),
    billOfLading: Type.Optional(text('The bill of lading number of the shipment.')),
    proNumber: Type.Optional(text("The carrier's PRO number of the shipment.")),
    orderNumbers: Type.Optional(list('The orders whose goods are in the shipment.', text("A buyer's purchase order number."), { minItems: 1 })),
    parties: parties('Who takes part: carrier, shipper, consignee and the others.'),
    transport: Type.Optional(Transport),
    events: list('The milestones reported, in the order the carrier sent them.', StatusEvent, { minItems: 1 }),
  }),
  (status) =>
    status.shipmentId ?? status.billOfLading ?? status.proNumber
      ? []
      : [{ code: 'REFERENCE_MISSING', path: '', reason: 'A shipment status needs a shipment id, bill of lading or PRO number to find its shipment.' }],
);

export type ShipmentStatus = Static<typeof ShipmentStatus>;
