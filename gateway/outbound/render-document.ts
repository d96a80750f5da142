import { renderDocument } from '../../partners/render-document.js';
import { parseCanonical } from '../../translators/canonical/index.js';
import { readDocuments } from '../../translators/read-documents.js';
import { DelimiterInDataError } from '../../translators/x12/serialize.js';
import { findSetSpec } from '../../translators/x12/specs/registry.js';
import { ExceptionAction } from '../exceptions/exception.js';
import { openExceptionWithAlert } from '../exceptions/open-exception.js';
import { canMoveOutbound, OutboundState } from '../pipeline/states.js';
import { createControlNumberAllocator } from '../store/control-number-allocator.js';
import { withTransaction, type Pool, type PoolClient } from '../store/pool.js';
import { appendEvent } from '../store/sql/events.js';
import { lockOutboundDocument, recordRendered, recordRenderFailed, type OutboundDocument } from '../store/sql/outbound-documents.js';
import { getProfileVersion } from '../store/sql/partner-profiles.js';
import { businessReference, kindWords } from './business-reference.js';

export type RenderOutcome = 'rendered' | 'failed' | 'already-done' | 'not-found';

export interface OutboundStepDeps {
  readonly pool: Pool;
  readonly actor: string;
  /** The clock due times are counted from; tests move it. */
  readonly now?: () => Date;
}

/**
 * The step after a document is stored: renders a STORED document with its partner's current profile, its
 * control numbers from the partner's counters, and stores the bytes with the name they are delivered under
 * (the delivery's idempotency key) as RENDERED, with its event, in one transaction. A document the profile
 * cannot render is FAILED, with the reason in words and an exception support can resubmit it from once the
 * profile is fixed. Control numbers are committed as they are taken: a rolled-back attempt leaves a gap,
 * never a number given twice.
 */
export async function renderOutboundDocument(deps: OutboundStepDeps, id: string): Promise<RenderOutcome> {
  return withTransaction(deps.pool, async (tx) => {
    const document = await lockOutboundDocument(tx, id);
    if (!document) return 'not-found';
    if (!canMoveOutbound(document.state, OutboundState.RENDERED)) return 'already-done';
    const current = await getProfileVersion(tx, document.partner);
    if (!current) throw new Error(`Outbound document ${id} is for partner ${document.partner}, which has no profile.`);
    const { profile } = current;

    const parsed = parseCanonical(document.canonical);
    if (!parsed.ok || parsed.document.kind === 'functional-ack') {
      const problems = parsed.ok ? ['it is a functional acknowledgment'] : parsed.problems.map((problem) => `${problem.path || '/'}: ${problem.reason}`);
      return fail(tx, deps, document, current.version, `its stored canonical document is no longer valid: ${problems.join('; ')}`);
    }
    const now = deps.now?.() ?? new Date();
    let rendered: Awaited<ReturnType<typeof renderDocument>>;
    try {
      rendered = await renderDocument(profile, parsed.document, { allocator: createControlNumberAllocator(deps.pool), now });
    } catch (error) {
      // The profile lacks what the envelope needs, or a value holds a delimiter: the partner's format, not the machine, refuses it.
      if (error instanceof RangeError || error instanceof DelimiterInDataError) return fail(tx, deps, document, current.version, error.message);
      throw error;
    }
    if (!rendered.ok) {
      const problems = rendered.problems.map(({ location, message }) => (!location.path || message.includes(location.path) ? message : `${location.path}: ${message}`));
      return fail(tx, deps, document, current.version, problems.join('; '));
    }

    const { message, bytes } = rendered.value;
    const numbers = controlNumbersOf(bytes);
    const fileName = `${message}-${numbers.interchangeControlNumber}.${profile.standard === 'X12' ? 'x12' : 'edi'}`;
    const functionalId = profile.standard === 'X12' ? findSetSpec(profile.version, message)?.spec.functionalId : undefined;
    await recordRendered(tx, id, {
      profileVersion: current.version,
      standard: profile.standard,
      message,
      functionalId,
      ...numbers,
      content: bytes,
      transport: 'sftp-mailbox',
      fileName,
    });
    await appendEvent(tx, {
      entity: 'document',
      entityId: id,
      type: 'document.rendered',
      actor: deps.actor,
      details: { partner: document.partner, profileVersion: current.version, message, ...numbers, fileName, transport: 'sftp-mailbox', size: bytes.length },
    });
    return 'rendered';
  });
}

/** The envelope numbers as written, read back from the bytes: what acknowledgments will quote. */
function controlNumbersOf(bytes: Buffer): { interchangeControlNumber: string; groupControlNumber: string | undefined; setControlNumber: string } {
  const [read] = readDocuments(bytes).documents;
  if (!read) throw new Error('A rendered document reads back as no transaction set or message.');
  const { interchangeControlNumber, groupControlNumber, setControlNumber } = read.source;
  return { interchangeControlNumber, groupControlNumber, setControlNumber };
}

async function fail(tx: PoolClient, deps: OutboundStepDeps, document: OutboundDocument, profileVersion: number, reason: string): Promise<RenderOutcome> {
  const message = `The ${kindWords(document.kind)} ${document.reference ?? `#${document.id}`} cannot be written for ${document.partner} with version ${profileVersion} of its profile: ${reason}`;
  await recordRenderFailed(tx, document.id, profileVersion, reason);
  const { exception } = await openExceptionWithAlert(
    tx,
    {
      key: `render:document:${document.id}`,
      code: 'DOCUMENT_UNRENDERABLE',
      message,
      partner: document.partner,
      ...(document.reference ? { reference: document.reference } : {}),
      documentId: document.id,
      actions: [ExceptionAction.RESUBMIT, ExceptionAction.DISMISS],
    },
    { reference: businessReference(document) },
  );
  await appendEvent(tx, {
    entity: 'document',
    entityId: document.id,
    type: 'document.failed',
    actor: deps.actor,
    details: { partner: document.partner, profileVersion, reason, exception: exception.id },
  });
  return 'failed';
}

