import type { Transport } from '../canonical/index.js';
import type { TreeLoop, TreeSegment } from '../tree.js';
import type { MapOptions, OutboundSegment } from './map-contract.js';
import { codeIn, codeOut } from './map-options.js';
import { mapProblem } from './map-result.js';
import { field, optionalText, segment, text, type Problems } from './x12-elements.js';
import { from005010 } from './x12-versions.js';

// How goods travel: TD5 (carrier SCAC, mode, routing, service level), TD3 and MS2 (equipment) and the
// canonical Transport, both ways. Mode and equipment type only describe: a code this map does not know
// leaves them out rather than refusing the document, and the routing text still says what the partner wrote.

type Mode = NonNullable<Transport['mode']>;
type Equipment = NonNullable<Transport['equipment']>[number];
type EquipmentType = NonNullable<Equipment['type']>;

/** Transportation method codes (91). */
const MODES: Readonly<Record<string, Mode>> = {
  M: 'road',
  LT: 'road',
  J: 'road',
  E: 'road',
  U: 'parcel',
  D: 'parcel',
  A: 'air',
  AE: 'air',
  S: 'sea',
  R: 'rail',
  X: 'intermodal',
};

/** Equipment description codes (40). */
const EQUIPMENT_TYPES: Readonly<Record<string, EquipmentType>> = {
  TL: 'trailer',
  TV: 'trailer',
  TF: 'trailer',
  CN: 'container',
  RR: 'railcar',
};

function firstCode<V extends string>(table: Readonly<Record<string, V>>, meaning: V): string | undefined {
  return Object.entries(table).find(([, value]) => value === meaning)?.[0];
}

/** TD3 segments wherever the version puts them: in the HL loop itself (004010) or each in a TD3 loop (005010). */
export function td3Segments(loop: TreeLoop<TreeSegment>): TreeSegment[] {
  return [...loop.segments('TD3'), ...loop.loops('TD3').flatMap((inner) => inner.segments('TD3'))].sort((a, b) => a.position - b.position);
}

/** The transport TD5 and TD3 describe, and the carrier's SCAC when TD502 says TD503 is one. */
export function transportFrom(td5: TreeSegment | undefined, td3s: readonly TreeSegment[], options: MapOptions): { transport?: Transport; scac?: string } {
  const mode = MODES[codeIn(options, 'TD504', text(td5, 'TD504'))];
  const equipment = td3s.map((td3) => equipmentFrom(td3, { type: 'TD301', initial: 'TD302', number: 'TD303', seal: 'TD309' }, options)).filter((found) => found !== undefined);
  const transport: Transport = {
    ...field('mode', mode),
    ...field('serviceLevel', optionalText(td5, 'TD512')),
    ...field('routing', optionalText(td5, 'TD505')),
    ...(equipment.length > 0 ? { equipment } : {}),
  };
  return { ...(Object.keys(transport).length > 0 ? { transport } : {}), ...field('scac', text(td5, 'TD502') === '2' ? optionalText(td5, 'TD503') : undefined) };
}

interface EquipmentElements {
  readonly type: string;
  readonly initial?: string;
  readonly number: string;
  readonly seal?: string;
}

/** Equipment from TD3 or MS2; its number is written with its initial (prefix) in front, as it is marked. */
export function equipmentFrom(segment: TreeSegment, elements: EquipmentElements, options: MapOptions): Equipment | undefined {
  const number = `${elements.initial ? text(segment, elements.initial) : ''}${text(segment, elements.number)}`;
  if (number === '') return undefined;
  const seal = elements.seal ? optionalText(segment, elements.seal) : undefined;
  return { ...field('type', EQUIPMENT_TYPES[codeIn(options, elements.type, text(segment, elements.type))]), number, ...(seal ? { seals: [seal] } : {}) };
}

/** TD5 with the carrier's SCAC, the mode, routing and service level; none when there is nothing to say. */
export function td5Out(transport: Transport | undefined, scac: string | undefined, options: MapOptions): OutboundSegment[] {
  const mode = transport?.mode && codeOut(options, 'TD504', firstCode(MODES, transport.mode) ?? '');
  if (!scac && !mode && !transport?.routing && !transport?.serviceLevel) return [];
  return [segment('TD5', undefined, scac && '2', scac, mode, transport?.routing, undefined, undefined, undefined, undefined, undefined, undefined, transport?.serviceLevel)];
}

/** A container number as marked (ABCU1234567) splits into its owner's initial and its number, as TD302 and TD303 hold them. */
function splitNumber(number: string): { initial?: string; number: string } {
  const match = /^([A-Z]{4})(\d+)$/.exec(number);
  return match ? { initial: match[1], number: match[2] as string } : { number };
}

/** TD3 per piece of equipment; TD309 holds one seal number. */
export function td3Out(transport: Transport | undefined, path: string, options: MapOptions, problems: Problems): OutboundSegment[] {
  return (transport?.equipment ?? []).map((equipment, index) => {
    const equipmentPath = `${path}/equipment/${index}`;
    if ((equipment.seals?.length ?? 0) > 1) {
      problems.push(mapProblem('MAP_VALUE_INVALID', `The equipment at ${equipmentPath} has ${equipment.seals?.length} seals; TD3 has room for one (TD309).`, { path: `${equipmentPath}/seals` }));
    }
    const { initial, number } = splitNumber(equipment.number);
    return segment('TD3', equipmentTypeOut(equipment, 'TD301', options), initial, number, undefined, undefined, undefined, undefined, undefined, equipment.seals?.[0]);
  });
}

/** MS2 for the equipment of a status: MS201 holds the owner's code (the initial), MS202 the number. */
export function ms2Out(equipment: Equipment, path: string, version: string, options: MapOptions, problems: Problems): OutboundSegment {
  if (equipment.seals) problems.push(mapProblem('MAP_VALUE_INVALID', `The equipment at ${path} has seals; MS2 has no room for them.`, { path: `${path}/seals` }));
  const { initial, number } = splitNumber(equipment.number);
  if (initial === undefined && from005010(version)) {
    problems.push(
      mapProblem('MAP_VALUE_INVALID', `The equipment number ${equipment.number} at ${path} has no owner's code in front (4 letters, as in ABCU1234567); 005010 MS2 needs one in MS201 (P0102).`, { path: `${path}/number` }),
    );
  }
  return segment('MS2', initial, number, equipmentTypeOut(equipment, 'MS203', options));
}

export function equipmentTypeOut(equipment: Equipment, element: string, options: MapOptions): string | undefined {
  const code = equipment.type && firstCode(EQUIPMENT_TYPES, equipment.type);
  return code && codeOut(options, element, code);
}
