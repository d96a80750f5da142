import type { Queryable } from '../pool.js';

// How a partner's exchange stands, for its dashboard page: the last SFTP log-ins on our server, the polls of
// its own server, its AS2 traffic, the secrets its profile names (with when certificates expire), and how
// it acknowledged what we sent it lately.

export interface LoginSeen {
  readonly at: Date;
  readonly username: string;
  readonly address: string;
}

export interface RemotePoll {
  readonly lastPolledAt: Date | null;
  readonly nextPollAt: Date;
  readonly failures: number;
  readonly lastError: string | null;
}

export interface Transport {
  readonly lastLogin: LoginSeen | null;
  readonly lastFailedLogin: LoginSeen | null;
  readonly remotePoll: RemotePoll | null;
  readonly lastAs2In: Date | null;
  readonly lastAs2Out: Date | null;
}

export async function transportOf(db: Queryable, partner: string): Promise<Transport> {
  const login = async (type: string) => {
    const result = await db.query<LoginSeen>(
      `SELECT at, details->>'username' AS username, details->>'address' AS address
         FROM events WHERE entity = 'partner' AND entity_id = $1 AND type = $2 ORDER BY events.id DESC LIMIT 1`,
      [partner, type],
    );
    return result.rows[0] ?? null;
  };
  const [lastLogin, lastFailedLogin, poll, as2] = await Promise.all([
    login('sftp.login'),
    login('sftp.login.failed'),
    db.query<RemotePoll>(
      `SELECT last_polled_at AS "lastPolledAt", next_poll_at AS "nextPollAt", failures, last_error AS "lastError" FROM sftp_remote_polls WHERE partner = $1`,
      [partner],
    ),
    db.query<{ lastIn: Date | null; lastOut: Date | null }>(
      `SELECT (SELECT max(received_at) FROM as2_inbound_messages WHERE partner = $1) AS "lastIn",
              (SELECT max(created_at) FROM as2_outbound_messages WHERE partner = $1) AS "lastOut"`,
      [partner],
    ),
  ]);
  const traffic = as2.rows[0];
  return { lastLogin, lastFailedLogin, remotePoll: poll.rows[0] ?? null, lastAs2In: traffic?.lastIn ?? null, lastAs2Out: traffic?.lastOut ?? null };
}

export interface StoredSecret {
  readonly name: string;
  readonly kind: string;
  readonly expiresAt: Date | null;
}

/** The secrets stored under these names (what is missing is simply not there); never their values. */
export async function storedSecrets(db: Queryable, names: readonly string[]): Promise<StoredSecret[]> {
  const result = await db.query<StoredSecret>('SELECT name, kind, expires_at AS "expiresAt" FROM secrets WHERE name = ANY($1::text[])', [names]);
  return result.rows;
}

export interface Scorecard {
  readonly sent: number;
  readonly accepted: number;
  readonly acceptedWithErrors: number;
  readonly rejected: number;
  readonly overdue: number;
  readonly awaiting: number;
  /** The median time from delivery to the acknowledgment, of those acknowledged. */
  readonly medianAckMs: number | null;
}

/** What became of the documents sent to the partner since `since` (resubmissions are documents of their own). */
export async function scorecardOf(db: Queryable, partner: string, since: Date): Promise<Scorecard> {
  const result = await db.query<Scorecard>(
    `SELECT count(*)::int AS sent,
            count(*) FILTER (WHERE state = 'ACCEPTED')::int AS accepted,
            count(*) FILTER (WHERE state = 'ACCEPTED_WITH_ERRORS')::int AS "acceptedWithErrors",
            count(*) FILTER (WHERE state = 'REJECTED')::int AS rejected,
            count(*) FILTER (WHERE state = 'OVERDUE')::int AS overdue,
            count(*) FILTER (WHERE state = 'AWAITING_ACK')::int AS awaiting,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - delivered_at) * 1000)
               FILTER (WHERE acknowledged_at IS NOT NULL AND delivered_at IS NOT NULL))::float8 AS "medianAckMs"
       FROM outbound_documents WHERE partner = $1 AND created_at >= $2`,
    [partner, since],
  );
  return result.rows[0] as Scorecard;
}
