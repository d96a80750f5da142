import { newAlert } from '../alerts/alert.js';
import { dateWords } from '../alerts/render-alert.js';
import { recordAlert } from '../alerts/send-alerts.js';
import { ExceptionAction } from '../exceptions/exception.js';
import { OutboundState } from '../pipeline/states.js';
import { withTransaction } from '../store/pool.js';
import { appendEvent } from '../store/sql/events.js';
import { openException } from '../store/sql/exceptions.js';
import { lockOutboundDocument, setOutboundState } from '../store/sql/outbound-documents.js';
import { getProfileVersion } from '../store/sql/partner-profiles.js';
import { expectationOf } from './acknowledgment-policy.js';
import { businessReference, kindWords } from './business-reference.js';
import type { OutboundStepDeps } from './render-document.js';
import { insertResubmission } from './resubmit-document.js';

export type OverdueResult =
  /** Sent again as `resubmission`, STORED for the render step. */
  | { readonly outcome: 'resubmitted'; readonly resubmission: string }
  | { readonly outcome: 'overdue' | 'not-due' | 'already-done' | 'not-found' };

/**
 * The step for a document whose acknowledgment is past due: re-reads and locks it, and when it is still
 * AWAITING_ACK past its due time applies the partner's policy (acknowledgments.expect) in one transaction.
 * While resubmissions are left (whenOverdue resubmit or both, up to maxResubmissions in a row) it becomes
 * RESUBMITTED and a new document carries the same canonical document to the partner; once none is left it
 * becomes OVERDUE with an exception support can resubmit it from. Support is alerted ('ack-overdue') for every
 * overdue document under alert or both, and under resubmit once the last resubmission is overdue too; the
 * alert's key is the document and its due time, so it is recorded once however often the step runs.
 */
export async function settleOverdueDocument(deps: OutboundStepDeps, id: string): Promise<OverdueResult> {
  return withTransaction(deps.pool, async (tx) => {
    const document = await lockOutboundDocument(tx, id);
    if (!document) return { outcome: 'not-found' };
    if (document.state !== OutboundState.AWAITING_ACK || !document.dueAt || !document.deliveredAt) return { outcome: 'already-done' };
    const now = deps.now?.() ?? new Date();
    if (document.dueAt > now) return { outcome: 'not-due' };
    const profile = (await getProfileVersion(tx, document.partner))?.profile;
    if (!profile) throw new Error(`Outbound document ${id} is for partner ${document.partner}, which has no profile.`);
    const expectation = expectationOf(profile);
    const resubmits = expectation.resubmits && document.autoResubmissions < expectation.maxResubmissions;
    const reference = businessReference(document);
    const what = `${expectation.acknowledgment} for the ${kindWords(document.kind)} ${reference.number} (interchange ${document.interchangeControlNumber ?? '?'})`;

    if (!resubmits || expectation.alertsEachTime) {
      await recordAlert(
        tx,
        newAlert({
          kind: 'ack-overdue',
          partner: { id: profile.id, name: profile.name },
          reference,
          documentId: document.id,
          acknowledgment: expectation.acknowledgment,
          documentSentAt: document.deliveredAt,
          dueAt: document.dueAt,
          occurredAt: now,
        }),
      );
    }
    if (resubmits) {
      const attempt = document.autoResubmissions + 1;
      const resubmission = await insertResubmission(tx, document, {
        actor: deps.actor,
        reason: `the ${what} was due by ${dateWords(document.dueAt)} and has not come: resubmission ${attempt} of ${expectation.maxResubmissions} the partner's policy allows`,
        automatic: true,
      });
      return { outcome: 'resubmitted', resubmission: resubmission.id };
    }

    await setOutboundState(tx, id, OutboundState.OVERDUE);
    const tried = document.autoResubmissions > 0 ? `, after ${document.autoResubmissions} automatic resubmission${document.autoResubmissions === 1 ? '' : 's'}` : '';
    // The 'ack-overdue' alert above tells support; an 'exception-opened' one would tell it twice.
    const { exception } = await openException(tx, {
      key: `ack-overdue:document:${id}`,
      code: 'ACK_OVERDUE',
      message: `${profile.name} has not sent the ${what}, due by ${dateWords(document.dueAt)}${tried}; ask ${profile.name} whether it arrived, then resubmit it or dismiss this.`,
      partner: profile.id,
      ...(document.reference ? { reference: document.reference } : {}),
      documentId: id,
      actions: [ExceptionAction.RESUBMIT, ExceptionAction.DISMISS],
    });
    await appendEvent(tx, {
      entity: 'document',
      entityId: id,
      type: 'document.overdue',
      actor: deps.actor,
      details: { partner: profile.id, dueAt: document.dueAt.toISOString(), autoResubmissions: document.autoResubmissions, exception: exception.id },
    });
    return { outcome: 'overdue' };
  });
}
