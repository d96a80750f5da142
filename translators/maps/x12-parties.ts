import type { Party } from '../canonical/index.js';
import type { TreeLoop, TreeSegment } from '../tree.js';
import type { MapOptions, OutboundSegment } from './map-contract.js';
import { codeIn, codeOut } from './map-options.js';
import { mapProblem } from './map-result.js';
import { at, field, optionalText, segment, text, type Problems } from './x12-elements.js';

// The N1 loop (N1, N2, N3, N4) and canonical parties, both ways. N101 says the role and N103 what kind of
// number N104 is; a partner's own codes for either are translated by its profile (codeTranslations N101, N103).
// A party in a role or with a number this map cannot name is a problem, never dropped: the party it would
// lose is often the one the goods go to.

type Role = Party['role'];
type IdentifierQualifier = NonNullable<Party['identifiers']>[number]['qualifier'];

/** Entity identifier codes (98) and the roles they play. */
const ROLES: Readonly<Record<string, Role>> = {
  BY: 'buyer',
  SE: 'seller',
  VN: 'seller',
  SU: 'seller',
  ST: 'ship-to',
  SF: 'ship-from',
  BT: 'bill-to',
  RI: 'remit-to',
  RE: 'remit-to',
  Z7: 'mark-for',
  CA: 'carrier',
  SH: 'shipper',
  CN: 'consignee',
};

const ROLE_CODES: Readonly<Record<Role, string>> = {
  buyer: 'BY',
  seller: 'SE',
  'ship-to': 'ST',
  'ship-from': 'SF',
  'bill-to': 'BT',
  'remit-to': 'RI',
  'mark-for': 'Z7',
  carrier: 'CA',
  shipper: 'SH',
  consignee: 'CN',
};

/** Identification code qualifiers (66): 1 is a DUNS number, 9 a DUNS number with its 4-digit site suffix. */
const QUALIFIERS: Readonly<Record<string, IdentifierQualifier>> = {
  '1': 'duns',
  '9': 'duns',
  UL: 'gln',
  '92': 'buyer-assigned',
  '91': 'seller-assigned',
  '2': 'scac',
  ZZ: 'mutually-defined',
};

/** The parties of the N1 loops, in the order sent. */
export function partiesFrom(loops: readonly TreeLoop<TreeSegment>[], options: MapOptions, problems: Problems): Party[] {
  return loops.flatMap((loop) => {
    const party = partyFrom(loop, options, problems);
    return party ? [party] : [];
  });
}

function partyFrom(loop: TreeLoop<TreeSegment>, options: MapOptions, problems: Problems): Party | undefined {
  const n1 = loop.segment('N1');
  const code = text(n1, 'N101');
  const role = ROLES[codeIn(options, 'N101', code)];
  if (role === undefined) {
    problems.push(mapProblem('MAP_CODE_UNKNOWN', `N101 is "${code}", a party role this map does not know; the partner's profile can translate it.`, at(n1, 'N101')));
    return undefined;
  }
  const name = [optionalText(n1, 'N102'), ...loop.segments('N2').flatMap((n2) => [optionalText(n2, 'N201'), optionalText(n2, 'N202')])].filter((part) => part !== undefined).join(' ');
  const identifier = identifierFrom(n1, options, problems);
  const street = loop.segments('N3').flatMap((n3) => [text(n3, 'N301'), text(n3, 'N302')]).filter((line) => line !== '');
  const n4 = loop.segment('N4');
  const address = {
    ...(street.length > 0 ? { street } : {}),
    ...field('city', optionalText(n4, 'N401')),
    ...field('region', optionalText(n4, 'N402')),
    ...field('postalCode', optionalText(n4, 'N403')),
    ...field('country', optionalText(n4, 'N404')),
  };
  return {
    role,
    ...(name ? { name } : {}),
    ...(identifier ? { identifiers: [identifier] } : {}),
    ...(Object.keys(address).length > 0 ? { address } : {}),
  };
}

function identifierFrom(n1: TreeSegment | undefined, options: MapOptions, problems: Problems): { qualifier: IdentifierQualifier; value: string } | undefined {
  const code = text(n1, 'N103');
  const value = text(n1, 'N104');
  if (code === '' || value === '') return undefined;
  const qualifier = QUALIFIERS[codeIn(options, 'N103', code)];
  if (qualifier === undefined) {
    problems.push(mapProblem('MAP_CODE_UNKNOWN', `N103 is "${code}", a kind of party number this map does not know; the partner's profile can translate it.`, at(n1, 'N103')));
    return undefined;
  }
  return { qualifier, value };
}

/** The carrier a SCAC names (TD503, B1003), added when no N1 loop named a carrier already. */
export function withCarrier(parties: readonly Party[], scac: string | undefined): Party[] {
  if (scac === undefined || parties.some((party) => party.role === 'carrier')) return [...parties];
  return [...parties, { role: 'carrier', identifiers: [{ qualifier: 'scac', value: scac }] }];
}

/** The SCAC of the carrier party, for the segments that name a carrier by it. */
export function carrierScac(parties: readonly Party[]): string | undefined {
  return parties.find((party) => party.role === 'carrier')?.identifiers?.find((identifier) => identifier.qualifier === 'scac')?.value;
}

/** An N1 loop per party. N1 holds one number: the party's first identifier is the one written. */
export function partyLoopsOut(parties: readonly Party[], path: string, options: MapOptions, problems: Problems): OutboundSegment[] {
  return parties.flatMap((party, index) => {
    const partyPath = `${path}/${index}`;
    const identifier = party.identifiers?.[0];
    const street = party.address?.street ?? [];
    if (street.length > 4) {
      problems.push(mapProblem('MAP_VALUE_INVALID', `The address at ${partyPath}/address/street has ${street.length} lines; X12 has room for 4 (two N3 segments).`, { path: `${partyPath}/address/street` }));
    }
    const n3 = [street.slice(0, 2), street.slice(2, 4)].filter((lines) => lines.length > 0).map((lines) => segment('N3', ...lines));
    const address = party.address;
    const n4 = address && (address.city ?? address.region ?? address.postalCode ?? address.country) ? [segment('N4', address.city, address.region, address.postalCode, address.country)] : [];
    return [
      segment(
        'N1',
        codeOut(options, 'N101', ROLE_CODES[party.role]),
        party.name,
        identifier && codeOut(options, 'N103', qualifierCode(identifier)),
        identifier?.value,
      ),
      ...n3,
      ...n4,
    ];
  });
}

function qualifierCode(identifier: { qualifier: IdentifierQualifier; value: string }): string {
  if (identifier.qualifier === 'duns') return identifier.value.length === 13 ? '9' : '1';
  return Object.entries(QUALIFIERS).find(([, qualifier]) => qualifier === identifier.qualifier)?.[0] ?? 'ZZ';
}
