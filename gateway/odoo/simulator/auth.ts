import { accessDenied, operationalError } from './errors.js';

export interface SimulatorUser {
  readonly uid: number;
  readonly login: string;
  readonly password: string;
  readonly apiKey: string;
}

/** Odoo's brute-force throttle: after `after` failures from one address, `seconds` of refusals. */
export interface LoginCooldown {
  readonly after: number;
  readonly seconds: number;
}

/** Who may call: the database name, the integration user's password and API keys, and the login throttle. */
export class Authenticator {
  private readonly apiKeys: Set<string>;
  private readonly failures = new Map<string, { count: number; last: number }>();
  private readonly checked = new Set<string>();

  constructor(
    readonly database: string,
    readonly user: SimulatorUser,
    private readonly cooldown: LoginCooldown | false,
    private readonly clock: () => number,
  ) {
    this.apiKeys = new Set([user.apiKey]);
  }

  addApiKey(key: string): void {
    this.apiKeys.add(key);
  }

  revokeApiKey(key: string): void {
    this.apiKeys.delete(key);
  }

  private secretMatches(secret: unknown): boolean {
    return typeof secret === 'string' && secret !== '' && (secret === this.user.password || this.apiKeys.has(secret));
  }

  private requireDatabase(db: unknown): void {
    if (db !== this.database) throw operationalError(`connection to server failed: FATAL:  database ${JSON.stringify(String(db))} does not exist`);
  }

  /** Runs a credential check under the throttle: refused outright while cooling down, failures counted. */
  private throttled(source: string, attempt: () => boolean): boolean {
    const now = this.clock();
    const record = this.failures.get(source);
    if (this.cooldown && this.cooldown.after > 0 && record && record.count >= this.cooldown.after && now < record.last + this.cooldown.seconds * 1000) {
      throw accessDenied('Too many login failures, please wait a bit before trying again.');
    }
    if (attempt()) {
      this.failures.delete(source);
      return true;
    }
    this.failures.set(source, { count: (record?.count ?? 0) + 1, last: now });
    return false;
  }

  /** `common.login` / `authenticate`: the uid, or false for bad credentials and during the cooldown. */
  login(db: unknown, login: unknown, secret: unknown, source: string): number | false {
    this.requireDatabase(db);
    try {
      return this.throttled(source, () => login === this.user.login && this.secretMatches(secret)) ? this.user.uid : false;
    } catch {
      return false;
    }
  }

  /** The check every `object` call starts with; AccessDenied as an error response when it fails. */
  check(db: unknown, uid: unknown, secret: unknown, source: string): number {
    this.requireDatabase(db);
    if (typeof secret !== 'string' || secret === '') throw accessDenied();
    const cacheKey = `${String(uid)}\u0000${secret}`;
    if (uid === this.user.uid && this.checked.has(cacheKey) && this.secretMatches(secret)) return this.user.uid;
    if (!this.throttled(source, () => uid === this.user.uid && this.secretMatches(secret))) throw accessDenied();
    this.checked.add(cacheKey);
    return this.user.uid;
  }

  /** JSON-2's bearer key: the uid, or undefined for a missing, revoked or unknown key. */
  bearer(header: string | undefined): number | undefined {
    const match = /^bearer\s+(\S+)\s*$/i.exec(header ?? '');
    return match && this.apiKeys.has(match[1]!) ? this.user.uid : undefined;
  }
}
