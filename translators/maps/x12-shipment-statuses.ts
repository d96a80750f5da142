import type { ShipmentStatus } from '../canonical/index.js';
import type { TreeSegment } from '../tree.js';
import type { MapOptions } from './map-contract.js';
import { codeIn, codeOut } from './map-options.js';
import { mapProblem } from './map-result.js';
import { at, field, text, type ElementOut, type Problems } from './x12-elements.js';
import { from005010 } from './x12-versions.js';

// What an AT7 says happened and why, and the canonical status and reason, both ways. AT701 (1650) names a
// shipment status with its reason in AT702 (1651); AT703 (1652) names an appointment instead, with its reason
// in AT704. These codes decide what the event means, so one this map does not know is a problem, never
// dropped; the partner's profile can translate its own (codeTranslations AT701, AT702, AT703, AT704).

type StatusEvent = ShipmentStatus['events'][number];
type Status = StatusEvent['status'];
type Reason = NonNullable<StatusEvent['reason']>;

interface Meaning {
  readonly status: Status;
  /** What went wrong, when the status code says it itself: A9 is a damaged shipment whatever AT702 adds. */
  readonly reason?: Reason;
}

/** Shipment status codes (1650); the first code of a status is the one written. */
const STATUSES: Readonly<Record<string, Meaning>> = {
  X3: { status: 'arrived-at-pickup' },
  X8: { status: 'arrived-at-pickup' },
  AF: { status: 'picked-up' },
  X4: { status: 'arrived-at-terminal' },
  P1: { status: 'departed-terminal' },
  X6: { status: 'in-transit' },
  X1: { status: 'arrived-at-delivery' },
  X5: { status: 'arrived-at-delivery' },
  D1: { status: 'delivered' },
  AG: { status: 'delivery-estimated' },
  X2: { status: 'delivery-estimated' },
  SD: { status: 'delayed' },
  // AP is a delivery not completed, for whatever reason AT702 gives.
  AP: { status: 'exception' },
  A9: { status: 'exception', reason: 'damaged' },
  A7: { status: 'exception', reason: 'refused' },
};

/**
 * Appointment status codes (1652). Only the ones whose date is when the appointment was made (X9 delivery, XA
 * pickup appointment secured): AA and AB date the appointment itself, which is no time the canonical event has.
 */
const APPOINTMENTS: Readonly<Record<string, Meaning>> = {
  X9: { status: 'appointment-scheduled' },
  XA: { status: 'appointment-scheduled' },
};

/** The reason code (1651) written for each canonical reason; NS says a status is normal. */
const REASON_CODES: Readonly<Record<Reason, string>> = {
  normal: 'NS',
  weather: 'AO',
  mechanical: 'AI',
  traffic: 'BE',
  'missed-appointment': 'A1',
  'consignee-closed': 'B1',
  refused: 'BS',
  'address-problem': 'A2',
  damaged: 'AK',
  customs: 'CA',
  'carrier-capacity': 'D2',
  other: 'BG',
};

/** NA says an appointment is normal, as NS does a status. */
const NORMAL_APPOINTMENT = 'NA';

/** Reason codes read: the ones written, and others that mean the same. */
const REASONS: Readonly<Record<string, Reason>> = {
  ...Object.fromEntries(Object.entries(REASON_CODES).map(([reason, code]) => [code, reason as Reason])),
  [NORMAL_APPOINTMENT]: 'normal',
  AY: 'missed-appointment',
  AN: 'consignee-closed',
  A5: 'address-problem',
  AS: 'customs',
};

/** Where the AT7 says what happened: AT701 and AT702 for a shipment status, AT703 and AT704 for an appointment. */
function elementsOf(appointment: boolean) {
  return appointment
    ? { code: 'AT703', reason: 'AT704', table: APPOINTMENTS, what: 'an appointment status', normal: NORMAL_APPOINTMENT }
    : { code: 'AT701', reason: 'AT702', table: STATUSES, what: 'a shipment status', normal: REASON_CODES.normal };
}

/** The status and reason an AT7 states; undefined, with a problem, when its code means nothing to this map. */
export function statusFrom(at7: TreeSegment, options: MapOptions, problems: Problems): { status: Status; reason?: Reason } | undefined {
  const elements = elementsOf(text(at7, 'AT701') === '');
  const code = text(at7, elements.code);
  const meaning = elements.table[codeIn(options, elements.code, code)];
  if (meaning === undefined) problems.push(unknownCode(at7, elements.code, code, elements.what));
  const reasonCode = text(at7, elements.reason);
  const stated = reasonCode === '' ? undefined : REASONS[codeIn(options, elements.reason, reasonCode)];
  if (reasonCode !== '' && stated === undefined) problems.push(unknownCode(at7, elements.reason, reasonCode, 'a reason for a status'));
  if (meaning === undefined) return undefined;
  // "Shipment damaged, normal status" is damaged: a status code that names the trouble outranks a plain NS.
  const reason = stated === undefined || stated === 'normal' ? (meaning.reason ?? stated) : stated;
  return { status: meaning.status, ...field('reason', reason) };
}

function unknownCode(at7: TreeSegment, element: string, code: string, what: string) {
  return mapProblem('MAP_CODE_UNKNOWN', `${element} is "${code}", ${what} this map does not know; the partner's profile can translate it.`, at(at7, element));
}

/**
 * AT701 to AT704 for an event. The reason goes beside its code: 004010 wants the pair (P0102, P0304), so an
 * event without a reason is written as normal there, while 005010 leaves the reason out.
 */
export function statusOut(event: StatusEvent, path: string, version: string, options: MapOptions, problems: Problems): [ElementOut, ElementOut, ElementOut, ElementOut] {
  const appointment = event.status === 'appointment-scheduled';
  const elements = elementsOf(appointment);
  const candidates = Object.entries(elements.table).filter(([, meaning]) => meaning.status === event.status);
  // The code that names the event's trouble (A9 for damage) if there is one, else the plain code of its status.
  const [code, meaning] =
    candidates.find(([, candidate]) => candidate.reason !== undefined && candidate.reason === event.reason) ?? candidates.find(([, candidate]) => candidate.reason === undefined) ?? [];
  if (code === undefined) problems.push(mapProblem('MAP_CODE_UNKNOWN', `There is no ${elements.code} code for the status "${event.status}" in this map.`, { path: `${path}/status` }));
  // A reason the status code already names is not said twice.
  const reason = event.reason === meaning?.reason ? undefined : event.reason;
  const written = reason ?? (from005010(version) ? undefined : 'normal');
  const reasonCode = written === undefined ? undefined : codeOut(options, elements.reason, written === 'normal' ? elements.normal : REASON_CODES[written]);
  const codes = [code && codeOut(options, elements.code, code), reasonCode] as const;
  return appointment ? [undefined, undefined, ...codes] : [...codes, undefined, undefined];
}
