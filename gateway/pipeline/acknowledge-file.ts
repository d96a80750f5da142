import type { AckPolicy } from '../../translators/acks/acknowledge.js';
import type { ContrlPolicy } from '../../translators/acks/contrl.js';
import { setStatus } from '../../translators/acks/set-status.js';
import type { Diagnostic } from '../../translators/diagnostic.js';
import type { InterchangeOutcome as EdifactOutcome, MessageOutcome } from '../../translators/edifact/validating-reader.js';
import type { GuideLookup } from '../../translators/read-documents.js';
import type { InterchangeOutcome as X12Outcome, SetOutcome } from '../../translators/x12/validating-reader.js';
import { inboundTranslation } from '../../partners/map-options-for.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { createMemoryAllocator } from '../../translators/control-numbers.js';
import { createControlNumberAllocator } from '../store/control-number-allocator.js';
import { withTransaction, type Pool } from '../store/pool.js';
import { insertAcknowledgment, listStoredInterchanges, setSetOutcomes, type SetOutcomeRow, type StoredInterchange } from '../store/sql/acknowledgments.js';
import { appendEvent } from '../store/sql/events.js';
import { getProfileVersion } from '../store/sql/partner-profiles.js';
import { lockReceivedFile, readFileContent, setFileState } from '../store/sql/received-files.js';
import { holdDuplicate } from './hold-duplicate.js';
import { createEdifactOutcomeReader, createX12OutcomeReader, writeContrl, writeX12Acknowledgment, type WriteOptions, type WrittenAcknowledgment } from './make-acknowledgments.js';
import { AcknowledgmentState, FileState, SetState, canMove } from './states.js';

export type AcknowledgeResult =
  /** The new acknowledgments' ids, PENDING, for delivery. */
  | { readonly outcome: 'acknowledged'; readonly acknowledgments: readonly string[] }
  | { readonly outcome: 'not-parsed' | 'already-done' | 'not-found' };

/**
 * The step after parsing: validates each interchange of a file in PARSED (its stored bytes, against the
 * guides of the partner's current profile, or of the version a replay is pinned to), stores every set's
 * outcome with its diagnostics, and writes the acknowledgments the partner's policy asks for (997 or 999 per
 * group and TA1 for X12, CONTRL for EDIFACT; none for acknowledgments) as PENDING rows to be delivered.
 * Re-reads and locks the file's row and writes outcomes, acknowledgments, the new state and its event in one
 * transaction: an acknowledgment is made once, and running the step again changes nothing. Control numbers
 * come from the partner's counters, each committed as it is taken: a rolled-back attempt leaves a gap, never
 * a number used twice.
 */
export async function acknowledgeFile(deps: { pool: Pool; actor: string }, fileId: string): Promise<AcknowledgeResult> {
  return withTransaction(deps.pool, async (tx) => {
    const file = await lockReceivedFile(tx, fileId, 0);
    if (!file) return { outcome: 'not-found' };
    if (!canMove(file.state, FileState.ACKNOWLEDGED)) {
      return { outcome: file.state === FileState.RECEIVED || file.state === FileState.IDENTIFIED ? 'not-parsed' : 'already-done' };
    }
    const current = await getProfileVersion(tx, file.partner, file.profileVersion ?? undefined);
    if (!current) throw new Error(`File ${fileId} is PARSED for partner ${file.partner}, which has no profile.`);
    const { profile } = current;
    const { guide } = inboundTranslation(profile);
    const guides: GuideLookup = (message) => guide?.(message);
    // A replay answers the partner only when asked; otherwise its acknowledgments are made on throwaway
    // numbers and dropped, so no control number of the partner's is used up.
    const allocator = file.acknowledges ? createControlNumberAllocator(deps.pool) : createMemoryAllocator();
    const options: WriteOptions = { allocator, partner: file.partner, now: new Date() };

    const content = await readFileContent(tx, fileId);
    const outcomes: SetOutcomeRow[] = [];
    const written: { readonly interchange: StoredInterchange; readonly acknowledgment: WrittenAcknowledgment }[] = [];
    for (const interchange of await listStoredInterchanges(tx, fileId)) {
      const bytes = content.subarray(interchange.start, interchange.end);
      const duplicate = await holdDuplicate(tx, deps.actor, file, profile, interchange);
      const extra = duplicate ? [duplicate] : [];
      const validated =
        file.standard === 'EDIFACT' ? await answerEdifact(bytes, guides, contrlPolicy(profile), options, extra) : await answerX12(bytes, guides, x12Policy(profile), options, extra);
      for (const set of interchange.sets) {
        const verdict = validated.verdicts.get(set.start - interchange.start);
        if (!verdict) throw new Error(`Set ${set.id} of file ${fileId}, stored at byte ${set.start}, was not found again by the validating reader.`);
        // Offsets as the file has them, not as the interchange's bytes alone do.
        const diagnostics = verdict.diagnostics.map((diagnostic) => ({ ...diagnostic, location: { ...diagnostic.location, offset: diagnostic.location.offset + interchange.start } }));
        outcomes.push({ id: set.id, state: verdict.state, diagnostics });
      }
      if (validated.acknowledgment && file.acknowledges) written.push({ interchange, acknowledgment: validated.acknowledgment });
    }

    await setSetOutcomes(tx, outcomes);
    const acknowledgments: string[] = [];
    for (const { interchange, acknowledgment } of written) {
      const { kind, controlNumber, bytes } = acknowledgment;
      acknowledgments.push(
        await insertAcknowledgment(tx, { fileId, interchangeId: interchange.id, partner: file.partner, kind, controlNumber, content: bytes, state: AcknowledgmentState.PENDING }),
      );
    }
    await setFileState(tx, fileId, { state: FileState.ACKNOWLEDGED, standard: file.standard });
    await appendEvent(tx, {
      entity: 'file',
      entityId: fileId,
      type: 'file.acknowledged',
      actor: deps.actor,
      details: {
        partner: file.partner,
        profileVersion: current.version,
        accepted: outcomes.filter((outcome) => outcome.state === SetState.ACCEPTED).length,
        rejected: outcomes.filter((outcome) => outcome.state === SetState.REJECTED).length,
        acknowledgments: written.map(({ acknowledgment }, index) => ({ id: acknowledgments[index], kind: acknowledgment.kind, controlNumber: acknowledgment.controlNumber })),
      },
    });
    return { outcome: 'acknowledged', acknowledgments };
  });
}

interface Verdict {
  readonly state: SetState;
  /** The set's own findings, after those of its group or interchange that rejected it with them. */
  readonly diagnostics: readonly Diagnostic[];
}

interface AnsweredInterchange {
  /** By the offset of the set's first byte in the interchange's bytes. */
  readonly verdicts: ReadonlyMap<number, Verdict>;
  readonly acknowledgment: WrittenAcknowledgment | undefined;
}

/** An X12 interchange's sets judged as its 997/999 judges them, and its acknowledgment. */
async function answerX12(bytes: Buffer, guides: GuideLookup, policy: AckPolicy, options: WriteOptions, extra: readonly Diagnostic[]): Promise<AnsweredInterchange> {
  const offsets = new Map<SetOutcome, number>();
  const outcomes: X12Outcome[] = [];
  const reader = createX12OutcomeReader({ transactionSet: (set, outcome) => void offsets.set(outcome, set.header.offset), interchangeEnd: (outcome) => void outcomes.push(outcome) }, guides);
  reader.write(bytes);
  reader.end();
  const outcome = withFindings(onlyOne(outcomes), extra);
  // A rejected interchange is not processed, nor is a group its 997/999 rejects (AK905).
  const above = new Map<SetOutcome, Diagnostic[]>();
  for (const group of outcome.groups) {
    const groupErrors = group.diagnostics.filter((diagnostic) => isError(diagnostic) && diagnostic.codeList === 'AK905');
    for (const set of group.sets) above.set(set, groupErrors);
  }
  const interchangeErrors = outcome.diagnostics.filter(isError);
  const verdicts = new Map<number, Verdict>();
  for (const [set, offset] of offsets) {
    const envelope = [...interchangeErrors, ...(above.get(set) ?? [])];
    verdicts.set(offset, verdict(envelope, set.diagnostics, setStatus(set).code === 'R'));
  }
  return { verdicts, acknowledgment: await writeX12Acknowledgment(outcome, policy, options) };
}

/** An EDIFACT interchange's messages judged as its CONTRL judges them, and its CONTRL. */
async function answerEdifact(bytes: Buffer, guides: GuideLookup, policy: ContrlPolicy, options: WriteOptions, extra: readonly Diagnostic[]): Promise<AnsweredInterchange> {
  const offsets = new Map<MessageOutcome, number>();
  const outcomes: EdifactOutcome[] = [];
  const reader = createEdifactOutcomeReader({ message: (message, outcome) => void offsets.set(outcome, message.segments[0]?.offset ?? 0), interchangeEnd: (outcome) => void outcomes.push(outcome) }, guides);
  reader.write(bytes);
  reader.end();
  const outcome = withFindings(onlyOne(outcomes), extra);
  // A level rejected rejects everything below it.
  const above = new Map<MessageOutcome, Diagnostic[]>();
  for (const group of outcome.groups) {
    const groupErrors = group.diagnostics.filter(isError);
    for (const message of group.messages) above.set(message, groupErrors);
  }
  const interchangeErrors = outcome.diagnostics.filter(isError);
  const verdicts = new Map<number, Verdict>();
  for (const [message, offset] of offsets) {
    const envelope = [...interchangeErrors, ...(above.get(message) ?? [])];
    verdicts.set(offset, verdict(envelope, message.diagnostics, message.diagnostics.some(isError)));
  }
  return { verdicts, acknowledgment: await writeContrl(outcome, policy, options) };
}

function verdict(envelope: readonly Diagnostic[], own: readonly Diagnostic[], rejectedOnItsOwn: boolean): Verdict {
  const rejected = envelope.length > 0 || rejectedOnItsOwn;
  return { state: rejected ? SetState.REJECTED : SetState.ACCEPTED, diagnostics: [...envelope, ...own] };
}

/** The interchange's outcome with findings about it from outside its bytes (a duplicate of an earlier one). */
function withFindings<T extends { readonly diagnostics: readonly Diagnostic[] }>(outcome: T, extra: readonly Diagnostic[]): T {
  return extra.length === 0 ? outcome : { ...outcome, diagnostics: [...outcome.diagnostics, ...extra] };
}

/** The bytes of one stored interchange read back as one interchange: the parse step found it so. */
function onlyOne<T>(outcomes: readonly T[]): T {
  if (outcomes.length !== 1) throw new Error(`The bytes of one stored interchange read as ${outcomes.length} interchanges.`);
  return outcomes[0] as T;
}

function isError(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error';
}

/** What the partner's profile says about 997/999 and TA1 (send.functionalAck, send.ta1). */
function x12Policy(profile: PartnerProfile): AckPolicy {
  const { send } = profile.acknowledgments;
  return { ...(send.functionalAck ? { functionalAck: send.functionalAck } : {}), ta1OnlyWhenRequested: send.ta1 === 'requested' };
}

/** What the partner's profile says about CONTRL (send.contrl). */
function contrlPolicy(profile: PartnerProfile): ContrlPolicy {
  const { contrl } = profile.acknowledgments.send;
  return { whenRequestedOnly: contrl === 'requested', always: contrl === 'always' };
}
