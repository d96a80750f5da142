import { createHash } from 'node:crypto';
import { testSample, type SampleReport } from '../../partners/test-sample.js';
import { withTransaction, type Pool, type Queryable } from '../store/pool.js';
import { appendEvent, listEvents } from '../store/sql/events.js';
import { requireProfileVersion } from './profile-versions.js';

// `partner test`: a sample file through the partner's profile (a version of it), and the outcome kept as an
// event, since promoting a partner to production asks which of its documents have passed at its current version.

export const SAMPLE_TESTED = 'partner.sample-tested';

export interface SampleTest {
  readonly partner: string;
  readonly version: number;
  readonly fileName: string;
  readonly report: SampleReport;
}

/** What a recorded sample test says, as promotion reads it. */
export interface RecordedSampleTest {
  readonly version: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly passed: boolean;
  /** The business documents the file held ('order', 'shipNotice' ...). */
  readonly documents: readonly string[];
}

export async function testPartnerSample(pool: Pool, request: { partner: string; version?: number; fileName: string; bytes: Uint8Array; testedBy: string }): Promise<SampleTest> {
  const profile = await requireProfileVersion(pool, request.partner, request.version);
  const report = testSample(profile.profile, request.bytes);
  const recorded: RecordedSampleTest = {
    version: profile.version,
    fileName: request.fileName,
    sha256: createHash('sha256').update(request.bytes).digest('hex'),
    passed: report.passed,
    documents: [...new Set(report.documents.flatMap((document) => (document.document ? [document.document] : [])))],
  };
  await withTransaction(pool, (client) =>
    appendEvent(client, { entity: 'partner', entityId: request.partner, type: SAMPLE_TESTED, details: { ...recorded }, actor: request.testedBy }),
  );
  return { partner: request.partner, version: profile.version, fileName: request.fileName, report };
}

/** Every sample test of the partner, oldest first. */
export async function recordedSampleTests(db: Queryable, partner: string): Promise<RecordedSampleTest[]> {
  const events = await listEvents(db, 'partner', partner);
  return events.filter((event) => event.type === SAMPLE_TESTED).map((event) => event.details as unknown as RecordedSampleTest);
}
