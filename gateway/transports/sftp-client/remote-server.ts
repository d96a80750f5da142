import type { PartnerProfile } from '../../../partners/schema/profile.js';
import { RemoteSftpError } from './remote-error.js';

// What we need to log in to a partner's own SFTP server and work there, taken from its profile once, with
// what the schema alone cannot require (a key or a password; a folder to move to) checked here.

export interface RemoteServer {
  readonly partner: string;
  readonly host: string;
  readonly port: number;
  readonly username: string;
  /** The pinned host key fingerprint (SHA256:...). */
  readonly hostKey: string;
  readonly keyRef: string | undefined;
  readonly passwordRef: string | undefined;
}

export type AfterPickup = { readonly action: 'delete' } | { readonly action: 'move'; readonly moveTo: string };

export interface PollPlan {
  readonly server: RemoteServer;
  readonly path: string;
  readonly pattern: string;
  readonly afterPickup: AfterPickup;
}

export interface PushPlan {
  readonly server: RemoteServer;
  readonly path: string;
}

type Remote = NonNullable<NonNullable<PartnerProfile['transports']>['sftpRemote']>;

function remoteServerOf(partner: string, remote: Remote): RemoteServer | RemoteSftpError {
  const server = {
    partner,
    host: remote.host,
    port: remote.port,
    username: remote.username,
    hostKey: remote.hostKey,
    keyRef: remote.keyRef,
    passwordRef: remote.passwordRef,
  };
  if (server.keyRef === undefined && server.passwordRef === undefined) {
    return notConfigured(server, 'names neither keyRef nor passwordRef, so we have nothing to log in with');
  }
  return server;
}

export function pollPlanOf(partner: string, remote: Remote, poll: NonNullable<Remote['poll']>): PollPlan | RemoteSftpError {
  const server = remoteServerOf(partner, remote);
  if (server instanceof RemoteSftpError) return server;
  const { path, pattern, afterPickup } = poll;
  if (afterPickup?.action === 'move') {
    if (afterPickup.moveTo === undefined) return notConfigured(server, 'says poll.afterPickup.action move but gives no poll.afterPickup.moveTo folder');
    return { server, path, pattern, afterPickup: { action: 'move', moveTo: afterPickup.moveTo } };
  }
  return { server, path, pattern, afterPickup: { action: 'delete' } };
}

export function pushPlanOf(profile: PartnerProfile): PushPlan | RemoteSftpError {
  const remote = profile.transports?.sftpRemote;
  if (!remote?.push) {
    return new RemoteSftpError('SFTP_REMOTE_NOT_CONFIGURED', `Partner ${profile.id} has no transports.sftpRemote.push in its profile: there is no server folder to deliver its files to.`, {
      partner: profile.id,
    });
  }
  const server = remoteServerOf(profile.id, remote);
  return server instanceof RemoteSftpError ? server : { server, path: remote.push.path };
}

function notConfigured(server: Pick<RemoteServer, 'partner' | 'host'>, what: string): RemoteSftpError {
  return new RemoteSftpError('SFTP_REMOTE_NOT_CONFIGURED', `The profile of partner ${server.partner} (SFTP server ${server.host}) ${what}.`, {
    partner: server.partner,
    host: server.host,
  });
}
