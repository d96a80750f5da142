import type { Party } from '../../../translators/canonical/index.js';
import { ediExternalId, ensureRecord } from '../client/idempotent-write.js';
import type { OdooClient, OdooDomain } from '../client/odoo-client.js';
import type { OneAtATime } from './sync-flow.js';

// Where an order goes: a delivery address under the customer in Odoo (a child contact of type delivery,
// reference 3.1), found or made from the order's ship-to. A ship-to with a number (a store or distribution
// centre number) is found by that number in the contact's Reference, the way an onboarding team records a
// retailer's sites; one without, by its name and address. Orders to the same site share one contact.

/** The delivery address's res.partner id; undefined when the ship-to says nothing to find or make one from. */
export async function deliveryAddress(
  client: OdooClient,
  options: { readonly partner: string; readonly customerId: number; readonly shipTo: Party; readonly oneAtATime: OneAtATime },
): Promise<number | undefined> {
  const { shipTo, customerId } = options;
  const number = shipTo.identifiers?.[0]?.value;
  const street = shipTo.address?.street ?? [];
  const under: OdooDomain = [
    ['parent_id', '=', customerId],
    ['type', '=', 'delivery'],
  ];
  let reference: OdooDomain;
  let key: string;
  if (number !== undefined) {
    reference = [...under, ['ref', '=', number]];
    key = number;
  } else if (shipTo.name !== undefined || street.length > 0) {
    reference = [...under, ['name', '=', shipTo.name ?? false], ['street', '=', street[0] ?? false], ['zip', '=', shipTo.address?.postalCode ?? false]];
    key = [shipTo.name, ...street, shipTo.address?.postalCode].join('|');
  } else {
    return undefined;
  }
  const externalId = ediExternalId(options.partner, 'ship_to', String(customerId), key);
  // Unlike the records of one document, a site's contact is shared by every order to it, and orders to a new
  // site synced side by side (a backlog let go when Odoo comes back, several gateways) would each find no
  // contact and each make one: one at a time, the first makes it and the others find it.
  const made = await options.oneAtATime(`${externalId.module}.${externalId.name}`, () =>
    ensureRecord(client, {
      model: 'res.partner',
      externalId,
      reference,
      make: async (odoo) => odoo.create('res.partner', await addressValues(odoo, customerId, shipTo)),
    }),
  );
  return made.id;
}

async function addressValues(client: OdooClient, customerId: number, shipTo: Party): Promise<Record<string, unknown>> {
  const address = shipTo.address ?? {};
  const [street, ...more] = address.street ?? [];
  const countryId = address.country === undefined ? undefined : (await client.search('res.country', [['code', '=', address.country]], { limit: 1 }))[0];
  const stateId =
    countryId === undefined || address.region === undefined
      ? undefined
      : (
          await client.search(
            'res.country.state',
            [
              ['country_id', '=', countryId],
              ['code', '=', address.region],
            ],
            { limit: 1 },
          )
        )[0];
  return {
    parent_id: customerId,
    type: 'delivery',
    ...(shipTo.name === undefined ? {} : { name: shipTo.name }),
    ...(shipTo.identifiers?.[0] === undefined ? {} : { ref: shipTo.identifiers[0].value }),
    ...(street === undefined ? {} : { street }),
    ...(more.length === 0 ? {} : { street2: more.join(', ') }),
    ...(address.city === undefined ? {} : { city: address.city }),
    ...(address.postalCode === undefined ? {} : { zip: address.postalCode }),
    ...(countryId === undefined ? {} : { country_id: countryId }),
    ...(stateId === undefined ? {} : { state_id: stateId }),
  };
}
