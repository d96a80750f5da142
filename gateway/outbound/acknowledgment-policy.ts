import type { PartnerProfile } from '../../partners/schema/profile.js';
import type { AcknowledgmentKind } from '../pipeline/make-acknowledgments.js';

// What a partner's profile (acknowledgments.expect) says about the acknowledgments it owes us for what we send.

export interface AckExpectation {
  /** Whether the partner answers our documents with a 997, 999 or CONTRL at all. */
  readonly expected: boolean;
  /** The acknowledgment alerts name: the X12 one the partner exchanges with us (997 unless 999), or CONTRL. */
  readonly acknowledgment: AcknowledgmentKind;
  readonly withinMs: number;
  /** Whether an overdue document is sent again, while resubmissions are left. */
  readonly resubmits: boolean;
  /** Whether support is alerted for every overdue document, not only once the last resubmission is overdue too. */
  readonly alertsEachTime: boolean;
  readonly maxResubmissions: number;
}

export function expectationOf(profile: PartnerProfile): AckExpectation {
  const { expect, send } = profile.acknowledgments;
  return {
    expected: expect.functionalAcks !== false,
    acknowledgment: profile.standard === 'EDIFACT' ? 'CONTRL' : send.functionalAck === '999' ? '999' : '997',
    withinMs: expect.withinHours * 3_600_000,
    resubmits: expect.whenOverdue !== 'alert',
    alertsEachTime: expect.whenOverdue !== 'resubmit',
    maxResubmissions: expect.whenOverdue === 'alert' ? 0 : (expect.maxResubmissions ?? 0),
  };
}
