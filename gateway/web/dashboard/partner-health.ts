import type { PartnerProfile } from '../../../partners/schema/profile.js';
import type { Pool } from '../../store/pool.js';
import { scorecardOf, storedSecrets, transportOf } from '../../store/sql/partner-health.js';
import { durationText, showOptionalTime, showTime } from './time.js';

// The partner page's "Transport" and "Acknowledgments" sections: whether the partner can reach us and we
// it (log-ins, polls, AS2 traffic, the secrets its profile names and when certificates run out), and how
// it acknowledged what we sent it in the last 30 days.

const DAY = 24 * 60 * 60 * 1000;
/** A certificate this close to its end is flagged, so there is time to exchange a new one. */
const EXPIRY_WARNING_MS = 30 * DAY;
const SCORECARD_MS = 30 * DAY;

/** Every secret the profile's transports name: where (`as2.partnerCertificateRef`) and under what name. */
function secretRefs(profile: PartnerProfile): { where: string; name: string }[] {
  const refs: { where: string; name: string }[] = [];
  for (const [transport, settings] of Object.entries(profile.transports ?? {})) {
    for (const [field, value] of Object.entries((settings ?? {}) as Record<string, unknown>)) {
      if (field.endsWith('Ref') && typeof value === 'string') refs.push({ where: `${transport}.${field}`, name: value });
    }
  }
  return refs;
}

function secretState(stored: { expiresAt: Date | null } | undefined, now: Date, zone: string): { state: 'missing' | 'expired' | 'expiring' | 'ok'; words: string } {
  if (!stored) return { state: 'missing', words: 'not stored: edi-gateway secret set' };
  if (stored.expiresAt === null) return { state: 'ok', words: 'stored' };
  const left = stored.expiresAt.getTime() - now.getTime();
  const until = showTime(stored.expiresAt, zone).text;
  if (left <= 0) return { state: 'expired', words: `expired ${until}` };
  if (left <= EXPIRY_WARNING_MS) return { state: 'expiring', words: `expires in ${durationText(left)} (${until})` };
  return { state: 'ok', words: `valid until ${until}` };
}

export async function partnerHealth(pool: Pool, partner: string, profile: PartnerProfile, now: Date, zone: string) {
  const refs = secretRefs(profile);
  const [transport, secrets, score] = await Promise.all([
    transportOf(pool, partner),
    storedSecrets(pool, refs.map((ref) => ref.name)),
    scorecardOf(pool, partner, new Date(now.getTime() - SCORECARD_MS)),
  ]);
  const byName = new Map(secrets.map((secret) => [secret.name, secret]));
  const answered = score.accepted + score.acceptedWithErrors + score.rejected;
  return {
    transports: {
      sftpMailbox: profile.transports?.sftpMailbox !== undefined,
      sftpRemote: profile.transports?.sftpRemote !== undefined,
      as2: profile.transports?.as2 !== undefined,
    },
    lastLogin: transport.lastLogin && { at: showTime(transport.lastLogin.at, zone), username: transport.lastLogin.username, address: transport.lastLogin.address },
    lastFailedLogin: transport.lastFailedLogin && { at: showTime(transport.lastFailedLogin.at, zone), username: transport.lastFailedLogin.username, address: transport.lastFailedLogin.address },
    remotePoll: transport.remotePoll && {
      lastPolledAt: showOptionalTime(transport.remotePoll.lastPolledAt, zone),
      nextPollAt: showTime(transport.remotePoll.nextPollAt, zone),
      failures: transport.remotePoll.failures,
      lastError: transport.remotePoll.lastError,
    },
    lastAs2In: showOptionalTime(transport.lastAs2In, zone),
    lastAs2Out: showOptionalTime(transport.lastAs2Out, zone),
    secrets: refs.map((ref) => ({ ...ref, ...secretState(byName.get(ref.name), now, zone) })),
    scorecard: {
      ...score,
      answered,
      acceptanceRate: answered === 0 ? null : `${Math.round((100 * (score.accepted + score.acceptedWithErrors)) / answered)}%`,
      medianAck: score.medianAckMs === null ? null : durationText(score.medianAckMs),
      rejectedLink: `/acknowledgments?partner=${encodeURIComponent(partner)}&status=rejected`,
      overdueLink: `/acknowledgments?partner=${encodeURIComponent(partner)}&status=overdue`,
    },
  };
}
