import type { FunctionalAck, Source } from '../../translators/canonical/index.js';
import { compiledMessageFor, directoryOf } from '../../translators/edifact/specs/registry.js';
import { createEdifactValidatingReader } from '../../translators/edifact/validating-reader.js';
import type { TreeLoop, TreeSegment } from '../../translators/tree.js';
import { compiledSpecFor } from '../../translators/x12/specs/registry.js';
import { createValidatingReader } from '../../translators/x12/validating-reader.js';
import { codeWords } from './ack-code-words.js';

// The 997s, 999s and CONTRLs of one interchange a partner sent, read as canonical FunctionalAcks: which
// group or interchange of ours each answers, what became of each transaction set or message, and every
// error with the standard's code, its meaning in words and where it is. Read from the trees the validating
// readers build, so segments the structure does not place are not read.

export type AckError = NonNullable<FunctionalAck['errors']>[number];
export type AcknowledgedSet = FunctionalAck['sets'][number];

export type AcknowledgmentRead = { readonly ok: true; readonly ack: FunctionalAck } | { readonly ok: false; readonly problem: string };

/** Every acknowledgment set or message of the interchange, by the offset of its first byte in `bytes`. */
export function readFunctionalAcks(bytes: Buffer, standard: 'X12' | 'EDIFACT'): Map<number, AcknowledgmentRead> {
  return standard === 'X12' ? readX12(bytes) : readEdifact(bytes);
}

function readX12(bytes: Buffer): Map<number, AcknowledgmentRead> {
  const found = new Map<number, AcknowledgmentRead>();
  let envelope: Omit<Source, 'version' | 'groupControlNumber' | 'setControlNumber'> | undefined;
  let group = { controlNumber: '', version: '' };
  const reader = createValidatingReader(
    {
      interchange(header) {
        envelope = {
          standard: 'X12',
          usage: header.usage === 'P' ? 'production' : 'test',
          sender: { qualifier: header.sender.qualifier.trim(), id: header.sender.id.trim() },
          receiver: { qualifier: header.receiver.qualifier.trim(), id: header.receiver.id.trim() },
          interchangeControlNumber: header.controlNumber,
        };
      },
      group: (header) => void (group = { controlNumber: header.controlNumber, version: header.version }),
      transactionSet(set, _outcome, tree) {
        if (set.id !== '997' && set.id !== '999') return;
        const offset = set.header.offset;
        if (!envelope || !tree) return void found.set(offset, { ok: false, problem: `its ${set.id} ${set.controlNumber} could not be read as one` });
        const source: Source = { ...envelope, version: group.version, groupControlNumber: group.controlNumber, setControlNumber: set.controlNumber };
        found.set(offset, x12Ack(segmentsOf(tree()), source, set.id));
      },
    },
    { specs: (version, id) => compiledSpecFor(version, id) },
  );
  reader.write(bytes);
  reader.end();
  return found;
}

function readEdifact(bytes: Buffer): Map<number, AcknowledgmentRead> {
  const found = new Map<number, AcknowledgmentRead>();
  let envelope: Omit<Source, 'version' | 'groupControlNumber' | 'setControlNumber'> | undefined;
  const party = ({ id, qualifier }: { id: string; qualifier: string }) => (qualifier === '' ? { id } : { id, qualifier });
  const reader = createEdifactValidatingReader(
    {
      interchange(header) {
        envelope = {
          standard: 'EDIFACT',
          usage: header.test ? 'test' : 'production',
          sender: party(header.sender),
          receiver: party(header.recipient),
          interchangeControlNumber: header.reference,
        };
      },
      message(message, _outcome, tree) {
        if (message.type !== 'CONTRL') return;
        const offset = message.segments[0]?.offset ?? 0;
        if (!envelope || !tree) return void found.set(offset, { ok: false, problem: `its CONTRL ${message.reference} could not be read as one` });
        const source: Source = {
          ...envelope,
          version: `${message.version}${message.release}`,
          ...(message.group === undefined ? {} : { groupControlNumber: message.group }),
          setControlNumber: message.reference,
        };
        found.set(offset, contrlAck(segmentsOf(tree), source));
      },
    },
    { specs: (message) => compiledMessageFor(directoryOf(message.version, message.release), message.type) },
  );
  reader.write(bytes);
  reader.end();
  return found;
}

/** The segments of a set or message in the order they were sent, whatever loops they sit in. */
function segmentsOf(loop: TreeLoop<TreeSegment>): TreeSegment[] {
  return loop.children.flatMap((child) => (child.kind === 'segment' ? [child] : segmentsOf(child)));
}

const position = (value: string): number | undefined => (/^[1-9]\d*$/.test(value) ? Number(value) : undefined);

/** Only the fields that have a value: the canonical schema refuses empty ones. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined && field !== '')) as T;
}

function x12SetStatus(code: string): AcknowledgedSet['status'] {
  return code === 'A' ? 'accepted' : code === 'E' ? 'accepted-with-errors' : 'rejected';
}

function x12GroupStatus(code: string): FunctionalAck['status'] {
  return code === 'A' ? 'accepted' : code === 'E' ? 'accepted-with-errors' : code === 'P' ? 'partially-accepted' : 'rejected';
}

/**
 * A 997 or 999: AK1 names our group, each AK2 a set of it with its AK3/IK3 segment errors, their AK4/IK4
 * element errors and its AK5/IK5 verdict, and AK9 the group's verdict with its counts.
 */
function x12Ack(segments: readonly TreeSegment[], source: Source, kind: '997' | '999'): AcknowledgmentRead {
  let acknowledged: FunctionalAck['acknowledged'] | undefined;
  let status: FunctionalAck['status'] | undefined;
  let counts: FunctionalAck['counts'];
  const groupErrors: AckError[] = [];
  const sets: AcknowledgedSet[] = [];
  let open: { setControlNumber: string; setType: string; errors: AckError[] } | undefined;
  let segment: AckError | undefined;
  const codes = (node: TreeSegment, from: number, to: number) => {
    const found: string[] = [];
    for (let index = from; index <= to; index += 1) if (node.value(index) !== '') found.push(node.value(index));
    return found;
  };

  for (const node of segments) {
    switch (node.tag) {
      case 'AK1':
        acknowledged = compact({ functionalId: node.value(1), groupControlNumber: node.value(2) });
        break;
      case 'AK2':
        open = { setType: node.value(1), setControlNumber: node.value(2), errors: [] };
        segment = undefined;
        break;
      case 'AK3':
      case 'IK3':
        segment = compact({
          level: 'segment',
          code: node.value(4) || '8',
          reason: codeWords('segment', node.value(4) || '8'),
          segment: node.value(1),
          segmentPosition: position(node.value(2)),
          loop: node.value(3),
        } as AckError);
        open?.errors.push(segment);
        break;
      case 'AK4':
      case 'IK4': {
        const code = node.value(3);
        open?.errors.push(
          compact({
            level: 'element',
            code,
            reason: codeWords('element', code),
            segment: segment?.segment,
            segmentPosition: segment?.segmentPosition,
            element: position(node.value(`${node.tag}01-1`)),
            component: position(node.value(`${node.tag}01-2`)),
            repetition: position(node.value(`${node.tag}01-3`)),
            badValue: node.value(4),
          } as AckError),
        );
        break;
      }
      case 'AK5':
      case 'IK5': {
        if (!open) break;
        const setErrors = codes(node, 2, 6).map((code): AckError => ({ level: 'set', code, reason: codeWords('set', code) }));
        const errors = [...setErrors, ...open.errors];
        sets.push(compact({ setControlNumber: open.setControlNumber, setType: open.setType, status: x12SetStatus(node.value(1)), ...(errors.length > 0 ? { errors } : {}) }));
        open = undefined;
        break;
      }
      case 'AK9':
        status = x12GroupStatus(node.value(1));
        counts = { included: Number(node.value(2)) || 0, received: Number(node.value(3)) || 0, accepted: Number(node.value(4)) || 0 };
        groupErrors.push(...codes(node, 5, 9).map((code): AckError => ({ level: 'group', code, reason: codeWords('group', code) })));
        break;
    }
  }
  if (!acknowledged?.groupControlNumber) return { ok: false, problem: `its ${kind} ${source.setControlNumber} names no group (AK102)` };
  if (!status) return { ok: false, problem: `its ${kind} ${source.setControlNumber} gives no verdict for the group (AK9)` };
  return {
    ok: true,
    ack: { kind: 'functional-ack', source, acknowledged, status, ...(counts ? { counts } : {}), ...(groupErrors.length > 0 ? { errors: groupErrors } : {}), sets },
  };
}

/** 0083 in UCI, UCF and UCM: 4 rejected; 7 acknowledged (what is not rejected below is accepted); 8 received. */
const contrlRejected = (action: string) => action === '4';

/**
 * A CONTRL: UCI names our interchange and its verdict, UCF a group of it, each UCM a message with its verdict,
 * UCS a segment in error and UCD an element in error.
 */
function contrlAck(segments: readonly TreeSegment[], source: Source): AcknowledgmentRead {
  let interchangeControlNumber = '';
  let action = '';
  const errors: AckError[] = [];
  const sets: AcknowledgedSet[] = [];
  let open: { setControlNumber: string; setType: string; action: string; errors: AckError[] } | undefined;
  let segmentPosition: number | undefined;
  const close = () => {
    if (!open) return;
    const status = contrlRejected(open.action) ? 'rejected' : open.errors.length > 0 ? 'accepted-with-errors' : 'accepted';
    sets.push(compact({ setControlNumber: open.setControlNumber, setType: open.setType, status, ...(open.errors.length > 0 ? { errors: open.errors } : {}) }));
    open = undefined;
  };
  const elementAt = (node: TreeSegment, name: string) => ({ element: position(node.value(`${name}-1`)), component: position(node.value(`${name}-2`)) });

  for (const node of segments) {
    switch (node.tag) {
      case 'UCI':
        interchangeControlNumber = node.value(1);
        action = node.value(4);
        if (node.value(5)) {
          errors.push(compact({ level: 'interchange', code: node.value(5), reason: codeWords('syntax', node.value(5)), segment: node.value(6), ...elementAt(node, 'UCI07') } as AckError));
        }
        break;
      case 'UCF':
        close();
        if (node.value(5) || contrlRejected(node.value(4))) {
          const code = node.value(5) || '18';
          errors.push(compact({ level: 'group', code, reason: codeWords('syntax', code), segment: node.value(6) } as AckError));
        }
        break;
      case 'UCM': {
        close();
        open = { setControlNumber: node.value(1), setType: node.value('UCM02-1'), action: node.value(3), errors: [] };
        segmentPosition = undefined;
        const code = node.value(4);
        if (code) open.errors.push(compact({ level: 'set', code, reason: codeWords('syntax', code), segment: node.value(5), ...elementAt(node, 'UCM06') } as AckError));
        break;
      }
      case 'UCS': {
        segmentPosition = position(node.value(1));
        const code = node.value(2);
        if (code) open?.errors.push(compact({ level: 'segment', code, reason: codeWords('syntax', code), segmentPosition } as AckError));
        break;
      }
      case 'UCD': {
        const code = node.value(1);
        open?.errors.push(compact({ level: 'element', code, reason: codeWords('syntax', code), segmentPosition, ...elementAt(node, 'UCD02') } as AckError));
        break;
      }
    }
  }
  close();
  if (!interchangeControlNumber) return { ok: false, problem: `its CONTRL ${source.setControlNumber} names no interchange (UCI 0020)` };
  // Under UCI 7 the interchange stands: what is not listed as rejected below it is accepted.
  const status: FunctionalAck['status'] = contrlRejected(action)
    ? 'rejected'
    : sets.some((set) => set.status === 'rejected')
      ? 'partially-accepted'
      : sets.some((set) => set.status === 'accepted-with-errors') || errors.length > 0
        ? 'accepted-with-errors'
        : 'accepted';
  return { ok: true, ack: { kind: 'functional-ack', source, acknowledged: { interchangeControlNumber }, status, ...(errors.length > 0 ? { errors } : {}), sets } };
}
