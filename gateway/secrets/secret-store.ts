import type { Queryable } from '../store/pool.js';

// Secrets the gateway holds for partners: private keys, certificates, passwords of remote servers. Profiles
// name them (keyRef, partnerCertificateRef ...); the store keeps them encrypted with a master key that is
// never in the database, so a copy of the database alone gives none of them away.

export type SecretKind = 'ssh-private-key' | 'password' | 'certificate' | 'private-key';

export interface SecretInfo {
  readonly name: string;
  readonly kind: SecretKind;
  /** For certificates: when it stops being valid, so support is warned ahead of time. */
  readonly expiresAt: Date | null;
  readonly updatedAt: Date;
}

export interface SecretStore {
  /** Stores (or replaces) the secret under its name. */
  put(db: Queryable, secret: { readonly name: string; readonly kind: SecretKind; readonly value: Buffer; readonly expiresAt?: Date }): Promise<SecretInfo>;
  /** The secret's bytes; throws SECRET_NOT_FOUND naming it when there is none. */
  get(db: Queryable, name: string): Promise<Buffer>;
  list(db: Queryable): Promise<SecretInfo[]>;
}
