import { GatewayError } from '../errors/gateway-error.js';
import { withTransaction, type Pool } from '../store/pool.js';
import { saveProfileVersion, type ProfileVersion } from '../store/sql/partner-profiles.js';
import { requireProfileVersion } from './profile-versions.js';
import { recordedSampleTests } from './sample-tests.js';

// Test to production: only once every document the partner sends us has had a sample pass at the profile's
// current version. A change after the samples passed makes them stale, so they are run again.

export async function promotePartner(pool: Pool, partner: string, promotedBy: string): Promise<ProfileVersion> {
  const current = await requireProfileVersion(pool, partner);
  if (current.profile.usage === 'production') throw new GatewayError('PARTNER_NOT_READY', `Partner "${partner}" is already in production (version ${current.version}).`);
  const passed = (await recordedSampleTests(pool, partner)).filter((test) => test.passed && test.version === current.version);
  const inbound = current.profile.documents.filter((entry) => entry.direction === 'in');
  const untested = inbound.filter((entry) => !passed.some((test) => test.documents.includes(entry.document)));
  if (passed.length === 0 || untested.length > 0) {
    const missing = untested.length > 0 ? untested.map((entry) => `${entry.document} (${entry.message})`).join(', ') : 'any document';
    throw new GatewayError(
      'PARTNER_NOT_READY',
      `Partner "${partner}" stays in test: no sample has passed at version ${current.version} for ${missing}. Run: edi-gateway partner test ${partner} <sample file>.`,
    );
  }
  const files = [...new Set(passed.map((test) => test.fileName))].join(', ');
  return withTransaction(pool, (client) =>
    saveProfileVersion(client, {
      profile: { ...current.profile, usage: 'production' },
      basedOn: current.version,
      changedBy: promotedBy,
      change: `usage test -> production; samples passed at version ${current.version}: ${files}`,
    }),
  );
}
