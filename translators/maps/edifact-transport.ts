import type { Transport } from '../canonical/index.js';
import { codeOf, field, present, type Loop } from './edifact-reading.js';
import type { EdifactSegmentWriter } from './edifact-writing.js';
import type { MapOptions } from './map-contract.js';
import { codeOut } from './map-options.js';

// How goods travel: the mode of TDT (C220 8067) and the equipment of EQD (8053 type, C237 number) with its
// seals (SEL). Modes are read by their first digit, as UN/ECE Recommendation 19 groups them (3 and 30 to 39
// are road), and written as the two-digit codes of D96A's list.

type Mode = NonNullable<Transport['mode']>;
type Equipment = NonNullable<Transport['equipment']>[number];
type EquipmentType = NonNullable<Equipment['type']>;

const MODES: Readonly<Record<string, Mode>> = { '1': 'sea', '2': 'rail', '3': 'road', '4': 'air', '5': 'parcel', '6': 'intermodal', '8': 'sea' };
const WRITTEN_MODES: Readonly<Record<Mode, string>> = { sea: '10', rail: '20', road: '30', air: '40', parcel: '50', intermodal: '60' };
/** 8053: CN container, TE trailer, RR rail car. */
const EQUIPMENT_TYPES: Readonly<Record<string, EquipmentType>> = { CN: 'container', TE: 'trailer', RR: 'railcar' };

/** The transport of the TDT and EQD groups given, or undefined when they say nothing. */
export function readTransport(tdtGroups: readonly Loop[], eqdGroups: readonly Loop[], options: MapOptions): Transport | undefined {
  const tdt = tdtGroups[0]?.segment('TDT');
  const mode = tdt === undefined ? undefined : MODES[codeOf(options, tdt, 'TDT03-1').slice(0, 1)];
  const equipment = eqdGroups.flatMap((group): Equipment[] => {
    const eqd = group.segment('EQD');
    const number = eqd === undefined ? undefined : present(eqd.value('EQD02-1'));
    if (eqd === undefined || number === undefined) return [];
    const seals = group.segments('SEL').map((sel) => sel.value('SEL01')).filter((seal) => seal !== '');
    const type = EQUIPMENT_TYPES[codeOf(options, eqd, 'EQD01')];
    return [{ ...field('type', type), number, ...(seals.length > 0 ? { seals } : {}) }];
  });
  if (mode === undefined && equipment.length === 0) return undefined;
  return { ...field('mode', mode), ...(equipment.length > 0 ? { equipment } : {}) };
}

/** TDT (main carriage, 20) with the mode, then each piece of equipment as EQD and its seals as SEL where the message has them. */
export function writeTransport(writer: EdifactSegmentWriter, transport: Transport, path: string, seals: boolean): void {
  writeCarriage(writer, transport, path);
  transport.equipment?.forEach((equipment, index) => writeEquipment(writer, equipment, `${path}/equipment/${index}`, seals));
}

/** TDT alone: the main carriage (20) and its mode. */
export function writeCarriage(writer: EdifactSegmentWriter, transport: Transport, path: string): void {
  if (transport.serviceLevel !== undefined) writer.unwritable(`${path}/serviceLevel`, 'TDT has no element for a service level.');
  if (transport.routing !== undefined) writer.unwritable(`${path}/routing`, 'TDT has no element for routing instructions.');
  writer.segment('TDT', '20', '', transport.mode === undefined ? '' : [codeOut(writer.options, 'TDT03-1', WRITTEN_MODES[transport.mode])]);
}

/** EQD with the equipment's type and number, and SEL for each seal where the message has SEL (`seals`). */
export function writeEquipment(writer: EdifactSegmentWriter, equipment: Equipment, path: string, seals: boolean): void {
  const type = equipment.type === undefined ? '' : codeOut(writer.options, 'EQD01', typeCode(equipment.type));
  writer.segment('EQD', type, [writer.text(equipment.number, `${path}/number`)]);
  if (equipment.seals !== undefined && !seals) writer.unwritable(`${path}/seals`, 'this message has no SEL segment for seals.');
  else equipment.seals?.forEach((seal, index) => writer.segment('SEL', writer.text(seal, `${path}/seals/${index}`)));
}

function typeCode(type: EquipmentType): string {
  return Object.entries(EQUIPMENT_TYPES).find(([, meaning]) => meaning === type)?.[0] as string;
}
