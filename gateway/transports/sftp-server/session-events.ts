import type { NewEvent } from '../../store/sql/events.js';

// The events of one partner's SFTP session, on the partner's timeline (entity 'partner'), each naming the
// login, the address and the session, so support can follow one connection from log-in to log-out.

export interface SessionIdentity {
  readonly partner: string;
  readonly username: string;
  readonly address: string;
  readonly sessionId: string;
  /** The gateway instance serving the session. */
  readonly instance: string;
}

export function sessionEvent(who: SessionIdentity, type: string, details: Readonly<Record<string, unknown>> = {}): NewEvent {
  return {
    entity: 'partner',
    entityId: who.partner,
    type,
    actor: `sftp:${who.username}`,
    details: { username: who.username, address: who.address, session: who.sessionId, instance: who.instance, ...details },
  };
}
