import { Type, type Static } from '@sinclair/typebox';
import { choice, fields, list, text } from '../schema/fields.js';

// How goods travel: the mode, the carrier's service and routing, and the equipment they ride in. The
// carrier itself is a party with the role carrier, identified by its SCAC.

export const Equipment = fields('A trailer, container or rail car that carries the goods.', {
  type: Type.Optional(
    choice('What kind of equipment it is.', {
      trailer: 'A road trailer.',
      container: 'An intermodal or ocean container.',
      railcar: 'A rail car.',
    }),
  ),
  number: text('Its number as marked on it, prefix included: ABCU1234567.'),
  seals: Type.Optional(list('The numbers of the seals on its doors.', text('One seal number.'), { minItems: 1 })),
});

export const Transport = fields('How the goods travel.', {
  mode: Type.Optional(
    choice('The way the goods travel.', {
      road: 'By truck, full or part load.',
      parcel: 'By a parcel service such as UPS or FedEx Ground.',
      air: 'By air freight.',
      sea: 'By ocean or sea freight.',
      rail: 'By rail freight.',
      intermodal: 'In a container moved by more than one mode.',
    }),
  ),
  serviceLevel: Type.Optional(text("The carrier's service, as the partner named it: next day, two day, standard.")),
  routing: Type.Optional(text('Routing instructions in words, as the partner wrote them.')),
  equipment: Type.Optional(list('The trailers or containers the goods are in.', Equipment, { minItems: 1 })),
});

export type Transport = Static<typeof Transport>;
