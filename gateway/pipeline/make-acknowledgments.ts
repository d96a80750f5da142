import { acknowledge, type AckPolicy } from '../../translators/acks/acknowledge.js';
import { contrl, type ContrlPolicy } from '../../translators/acks/contrl.js';
import type { ControlNumberAllocator } from '../../translators/control-numbers.js';
import { characterSet, encode } from '../../translators/edifact/character-sets.js';
import type { EdifactReader } from '../../translators/edifact/envelope-reader.js';
import { serializeInterchange as serializeEdifact } from '../../translators/edifact/serialize.js';
import { compiledMessageFor, directoryOf } from '../../translators/edifact/specs/registry.js';
import {
  createEdifactValidatingReader,
  type EdifactValidatingHandler,
  type InterchangeOutcome as EdifactOutcome,
} from '../../translators/edifact/validating-reader.js';
import type { GuideLookup } from '../../translators/read-documents.js';
import type { X12Reader } from '../../translators/x12/envelope-reader.js';
import { serializeInterchange as serializeX12 } from '../../translators/x12/serialize.js';
import { compiledSpecFor } from '../../translators/x12/specs/registry.js';
import { createValidatingReader, type InterchangeOutcome as X12Outcome, type ValidatingHandler } from '../../translators/x12/validating-reader.js';

// Interchanges validated and answered: the readers that keep what an acknowledgment is made of, and the
// acknowledgment written out with its control number. The acknowledge step stores what `edi-gateway ack`
// prints, made by this same code.

export type AcknowledgmentKind = '997' | '999' | 'TA1' | 'CONTRL';

export interface WrittenAcknowledgment {
  /** The functional acknowledgment an X12 answer carries (its first group's, should its groups differ), TA1 when it carries only that; CONTRL. */
  readonly kind: AcknowledgmentKind;
  /** ISA13 / UNB 0020 of the acknowledgment, as written. */
  readonly controlNumber: string;
  readonly text: string;
  /** The text as sent: latin1 for X12, the encoding of its syntax level for EDIFACT. */
  readonly bytes: Buffer;
}

export interface WriteOptions {
  readonly allocator: ControlNumberAllocator;
  /** Whose counters the control numbers come from. */
  readonly partner: string;
  readonly now: Date;
}

/** Reads X12 with each set validated against the partner's guide for it (or the standard), keeping every interchange's outcome. */
export function createX12OutcomeReader(handler: Pick<ValidatingHandler, 'transactionSet' | 'interchangeEnd'>, guides: GuideLookup): X12Reader {
  return createValidatingReader(handler, { specs: (version, id) => compiledSpecFor(version, id, guides(id)), collectOutcomes: true });
}

/** Reads EDIFACT with each message validated against the partner's guide for it (or the directory), keeping every interchange's outcome. */
export function createEdifactOutcomeReader(handler: Pick<EdifactValidatingHandler, 'message' | 'interchangeEnd'>, guides: GuideLookup): EdifactReader {
  return createEdifactValidatingReader(handler, {
    specs: (message) => compiledMessageFor(directoryOf(message.version, message.release), message.type, guides(message.type)),
    collectOutcomes: true,
  });
}

/** The TA1, 997 or 999 an X12 interchange gets under `policy`, written out; undefined when none is due. */
export async function writeX12Acknowledgment(outcome: X12Outcome, policy: AckPolicy, options: WriteOptions): Promise<WrittenAcknowledgment | undefined> {
  const answer = acknowledge(outcome, options.now, policy);
  if (!answer) return undefined;
  const numbered = recordInterchangeNumber(options.allocator);
  const text = await serializeX12(answer.interchange, { delimiters: answer.delimiters, lineEnding: '\n', allocator: numbered.allocator, partner: options.partner, now: options.now });
  const first = answer.interchange.groups[0]?.sets[0]?.id;
  return {
    kind: first === '997' || first === '999' ? first : 'TA1',
    controlNumber: String(numbered.interchange()).padStart(9, '0'),
    text,
    bytes: Buffer.from(text, 'latin1'),
  };
}

/** The CONTRL an EDIFACT interchange gets under `policy`, written out, with the UCS and UCD it had to leave out; undefined when none is due. */
export async function writeContrl(outcome: EdifactOutcome, policy: ContrlPolicy, options: WriteOptions): Promise<(WrittenAcknowledgment & { readonly omitted: number }) | undefined> {
  const answer = contrl(outcome, policy);
  if (!answer) return undefined;
  const numbered = recordInterchangeNumber(options.allocator);
  const text = await serializeEdifact(answer.interchange, { delimiters: answer.delimiters, lineEnding: '\n', allocator: numbered.allocator, partner: options.partner, now: options.now });
  const bytes = encode(text, characterSet(answer.interchange.syntaxIdentifier, answer.delimiters));
  return { kind: 'CONTRL', controlNumber: String(numbered.interchange()), text, bytes: Buffer.from(bytes), omitted: answer.omitted };
}

/** The allocator, noting the interchange number it gives: the serializers write it without returning it. */
function recordInterchangeNumber(allocator: ControlNumberAllocator): { allocator: ControlNumberAllocator; interchange(): number } {
  let interchange = 0;
  return {
    allocator: {
      async next(partner, kind, max) {
        const value = await allocator.next(partner, kind, max);
        if (kind === 'interchange') interchange = value;
        return value;
      },
    },
    interchange: () => interchange,
  };
}
