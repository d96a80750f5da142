import { GatewayError, describeError } from '../../errors/gateway-error.js';
import type { NewEvent } from '../../store/sql/events.js';
import { RemoteSftpError } from './remote-error.js';

/** Anything a poll or push threw, as a catalogued failure: a store or secret failure keeps its own code. */
export function asRemoteFailure(error: unknown, partner: string): RemoteSftpError {
  if (error instanceof RemoteSftpError) return error;
  if (error instanceof GatewayError) return new RemoteSftpError(error.code, error.message, { partner }, error);
  return new RemoteSftpError('INTERNAL', `Partner ${partner}: ${describeError(error)}`, { partner }, error);
}

/**
 * The event that records a failed poll or push. A refused host key gets an event type of its own: it may
 * be an attack rather than an outage, and support looks for it by that name.
 */
export function failureEvent(options: {
  partner: string;
  actor: string;
  during: 'poll' | 'push';
  failure: RemoteSftpError;
  details?: Readonly<Record<string, unknown>>;
}): NewEvent {
  const { failure } = options;
  return {
    entity: 'partner',
    entityId: options.partner,
    type: failure.code === 'SFTP_REMOTE_HOST_KEY_REFUSED' ? 'sftp-remote.host-key-refused' : `sftp-remote.${options.during}-failed`,
    actor: options.actor,
    details: { during: options.during, ...failure.details, ...options.details, code: failure.code, message: failure.message },
  };
}
