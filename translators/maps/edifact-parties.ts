import type { Party } from '../canonical/index.js';
import { codeOf, field, joinedText, present, type Loop } from './edifact-reading.js';
import { splitText, type EdifactSegmentWriter } from './edifact-writing.js';
import type { MapOptions } from './map-contract.js';
import { codeOut } from './map-options.js';

// NAD and the canonical party: the party function (3035) as a role, the identifier (C082) with the agency
// that issued it (3055) as its qualifier, the name (C080) and the structured address (C059 to 3207).

type Role = Party['role'];
type Qualifier = NonNullable<Party['identifiers']>[number]['qualifier'];

/** 3035 codes read; where two codes mean one role (SU and SE, DP and ST), the first is the one written. */
const ROLES: Readonly<Record<string, Role>> = {
  BY: 'buyer',
  SU: 'seller',
  SE: 'seller',
  DP: 'ship-to',
  ST: 'ship-to',
  SF: 'ship-from',
  IV: 'bill-to',
  PE: 'remit-to',
  UC: 'mark-for',
  CA: 'carrier',
  CZ: 'shipper',
  SH: 'shipper',
  CN: 'consignee',
};

/** 3055 code list responsible agency: 9 GS1, 16 Dun & Bradstreet, 91 and 92 the seller and the buyer, 182 the SCAC's agency. */
const AGENCIES: Readonly<Record<string, Qualifier>> = {
  '9': 'gln',
  '16': 'duns',
  '91': 'seller-assigned',
  '92': 'buyer-assigned',
  '182': 'scac',
  ZZZ: 'mutually-defined',
};

const NAME_PARTS = 5;
const STREET_LINES = 4;
const LENGTH = 35;

/**
 * The parties of the NAD groups. A NAD whose function has no role in canonical documents (a freight
 * forwarder, a payer) is left out; a profile can translate the partner's code to one that has (NAD01).
 */
export function readParties(groups: readonly Loop[], options: MapOptions): Party[] {
  const parties: Party[] = [];
  for (const group of groups) {
    const nad = group.segment('NAD');
    if (nad === undefined) continue;
    const role = ROLES[codeOf(options, nad, 'NAD01')];
    if (role === undefined) continue;
    const id = present(nad.value('NAD02-1'));
    const name = joinedText(nad, 'NAD04', 1, NAME_PARTS);
    const street = Array.from({ length: STREET_LINES }, (_, index) => nad.value(`NAD05-${index + 1}`)).filter((line) => line !== '');
    const address = {
      ...(street.length > 0 ? { street } : {}),
      ...field('city', nad.value('NAD06')),
      ...field('region', nad.value('NAD07')),
      ...field('postalCode', nad.value('NAD08')),
      ...field('country', nad.value('NAD09')),
    };
    parties.push({
      role,
      ...(name === undefined ? {} : { name }),
      ...(id === undefined ? {} : { identifiers: [{ qualifier: AGENCIES[codeOf(options, nad, 'NAD02-3')] ?? 'mutually-defined', value: id }] }),
      ...(Object.keys(address).length > 0 ? { address } : {}),
    });
  }
  return parties;
}

/** One NAD per party; a NAD carries one identifier, so a second one is a problem. */
export function writeParties(writer: EdifactSegmentWriter, parties: readonly Party[], path: string): void {
  parties.forEach((party, index) => {
    const at = `${path}/${index}`;
    const [identifier, ...others] = party.identifiers ?? [];
    if (others.length > 0) writer.unwritable(`${at}/identifiers/1`, 'NAD carries one identifier per party.');
    const street = party.address?.street ?? [];
    if (street.length > STREET_LINES) writer.unwritable(`${at}/address/street/${STREET_LINES}`, `NAD holds ${STREET_LINES} street lines.`);
    street.forEach((line, lineIndex) => {
      if (line.length > LENGTH) writer.unwritable(`${at}/address/street/${lineIndex}`, `a street line holds ${LENGTH} characters.`);
    });
    const { options } = writer;
    writer.segment(
      'NAD',
      codeOut(options, 'NAD01', roleCode(party.role)),
      identifier === undefined ? '' : [writer.text(identifier.value, `${at}/identifiers/0/value`), '', codeOut(options, 'NAD02-3', agencyCode(identifier.qualifier))],
      '',
      party.name === undefined ? '' : splitText(writer, party.name, `${at}/name`, LENGTH, NAME_PARTS),
      street.slice(0, STREET_LINES).map((line, lineIndex) => writer.text(line, `${at}/address/street/${lineIndex}`)),
      writer.text(party.address?.city, `${at}/address/city`),
      writer.text(party.address?.region, `${at}/address/region`),
      writer.text(party.address?.postalCode, `${at}/address/postalCode`),
      writer.text(party.address?.country, `${at}/address/country`),
    );
  });
}

function roleCode(role: Role): string {
  return Object.entries(ROLES).find(([, meaning]) => meaning === role)?.[0] as string;
}

function agencyCode(qualifier: Qualifier): string {
  return Object.entries(AGENCIES).find(([, meaning]) => meaning === qualifier)?.[0] as string;
}
