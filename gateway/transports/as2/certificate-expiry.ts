import type { Logger } from '../../log.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { Queryable } from '../../store/pool.js';

// Certificates that run out soon: listed for the dashboard, and warned about when the gateway starts, so a
// partner's or our own certificate is renewed before messages start failing.

const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export interface ExpiringCertificate {
  readonly name: string;
  readonly expiresAt: Date;
  /** Whole days left; negative once it has expired. */
  readonly daysLeft: number;
}

/** The stored certificates (and our keys with theirs) that expire within `days` of `now`, soonest first. */
export async function listExpiringCertificates(db: Queryable, secrets: SecretStore, options: { readonly days: number; readonly now: Date }): Promise<ExpiringCertificate[]> {
  const until = options.now.getTime() + options.days * DAY_MS;
  return (await secrets.list(db))
    .filter((secret) => secret.expiresAt !== null && secret.expiresAt.getTime() <= until)
    .map((secret) => {
      const expiresAt = secret.expiresAt as Date;
      return { name: secret.name, expiresAt, daysLeft: Math.floor((expiresAt.getTime() - options.now.getTime()) / DAY_MS) };
    })
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
}

export async function warnExpiringCertificates(db: Queryable, secrets: SecretStore, log: Logger, now: Date): Promise<void> {
  for (const certificate of await listExpiringCertificates(db, secrets, { days: EXPIRY_WARNING_DAYS, now })) {
    log.warn(
      { secret: certificate.name, expiresAt: certificate.expiresAt.toISOString(), daysLeft: certificate.daysLeft },
      certificate.daysLeft < 0 ? 'certificate has expired' : `certificate expires within ${EXPIRY_WARNING_DAYS} days`,
    );
  }
}
