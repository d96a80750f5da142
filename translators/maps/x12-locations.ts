import type { ShipmentStatus } from '../canonical/index.js';
import type { TreeSegment } from '../tree.js';
import type { OutboundSegment } from './map-contract.js';
import { mapProblem } from './map-result.js';
import { field, optionalText, segment, type Problems } from './x12-elements.js';
import { from005010 } from './x12-versions.js';

// Where a status happened: MS1 and the canonical location, both ways. MS1 names a place by its city, state
// and country, and in 005010 its postal code (MS108); a street has no element, and neither has a postal
// code in 004010. Latitude and longitude (MS104, MS105) have no canonical field.

type Location = NonNullable<ShipmentStatus['events'][number]['location']>;

export function locationFrom(ms1: TreeSegment | undefined): Location | undefined {
  const location = {
    ...field('city', optionalText(ms1, 'MS101')),
    ...field('region', optionalText(ms1, 'MS102')),
    ...field('postalCode', optionalText(ms1, 'MS108')),
    ...field('country', optionalText(ms1, 'MS103')),
  };
  return Object.keys(location).length > 0 ? location : undefined;
}

/** MS1 for a location, within what the version's syntax notes allow; what it cannot hold is a problem. */
export function ms1Out(location: Location, path: string, version: string, problems: Problems): OutboundSegment {
  const since5010 = from005010(version);
  const unwritable = (key: keyof Location, why: string) => problems.push(mapProblem('MAP_VALUE_INVALID', `The location at ${path} has a ${key}; ${why}`, { path: `${path}/${key}` }));
  if (location.street) unwritable('street', 'MS1 has no element for a street.');
  if (location.postalCode && !since5010) unwritable('postalCode', '004010 MS1 has no element for a postal code.');
  // L010203: a city needs its state or country beside it; 005010 also wants the city for any of them (C0201, C0301, C0801).
  if (location.city && !location.region && !location.country) unwritable('city', 'MS1 writes a city only with its state or country (MS102, MS103).');
  if (!location.city && since5010) problems.push(mapProblem('MAP_VALUE_MISSING', `The location at ${path} has no city; 005010 MS1 names a place by its city first.`, { path: `${path}/city` }));
  const postalCode = since5010 ? [undefined, undefined, undefined, undefined, location.postalCode] : [];
  return segment('MS1', location.city, location.region, location.country, ...postalCode);
}
