import { randomUUID } from 'node:crypto';
import net, { type AddressInfo, type Socket } from 'node:net';
import ssh2, { type Connection } from 'ssh2';
import type { Config } from '../../config/settings.js';
import { GatewayError, describeError } from '../../errors/gateway-error.js';
import type { Intake } from '../../ingest/accept-file.js';
import type { Logger } from '../../log.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { Pool } from '../../store/pool.js';
import { appendEvent } from '../../store/sql/events.js';
import { STRONG_ALGORITHMS } from './algorithms.js';
import { METHODS, createAuthenticator, type Authenticated } from './authenticate.js';
import { loadOrCreateHostKey } from './host-key.js';
import { sessionEvent, type SessionIdentity } from './session-events.js';
import { serveSftp, type SftpSession } from './sftp-session.js';

// The hosted SFTP server: partners log in with a login of their profile and see only their own mailbox.
// Everything a session touches is in PostgreSQL, so any instance can serve any partner. The TCP listener is
// ours, not ssh2's, so that the log-in grace time also covers a client that never says a word (ssh2 sees a
// connection only once the client has sent its version line) and so that a peer that ignores our
// disconnect can still be cut off.

/** How long a connection we ended may take to close before its socket is destroyed. */
const FORCE_CLOSE_MS = 2000;

export interface SftpServerOptions {
  readonly pool: Pool;
  readonly config: Pick<Config, 'sftp' | 'inbox' | 'instance'>;
  readonly intake: Intake;
  readonly log: Logger;
  /** Where the host key is kept. */
  readonly secrets: SecretStore;
}

export interface SftpServer {
  readonly port: number;
  /** "SHA256:...": what partners check before trusting the server the first time. */
  readonly hostKeyFingerprint: string;
  /** Stops taking connections and ends those open; uploads not yet closed are dropped. */
  stop(): Promise<void>;
}

export async function startSftpServer(options: SftpServerOptions): Promise<SftpServer> {
  const { pool, intake, log, secrets } = options;
  const { sftp: settings, inbox, instance } = options.config;
  const hostKey = await loadOrCreateHostKey(pool, secrets, instance.name);
  const authenticate = createAuthenticator({
    pool,
    log,
    instance: instance.name,
    policy: { maxFailures: settings.maxLoginFailures, windowMs: settings.failureWindowMs, banMs: settings.banMs },
  });
  /** Open sockets by remote address and port, which is how ssh2's connection names its own. */
  const sockets = new Map<string, { readonly socket: Socket; loggedIn: boolean }>();
  /** Open connections, each with how to end it giving the reason its log-out event records. */
  const connections = new Map<Connection, (reason: string) => void>();
  /** One per open connection, settled once its last writes (dropped uploads, downloads, log-out) are done. */
  const settling = new Set<Promise<void>>();

  function onSocket(socket: Socket): void {
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    const tracked = { socket, loggedIn: false };
    sockets.set(key, tracked);
    const grace = setTimeout(() => {
      if (tracked.loggedIn) return;
      log.warn({ address: socket.remoteAddress }, 'sftp connection closed: no log-in within the grace time');
      socket.destroy();
    }, settings.loginGraceMs);
    socket.once('close', () => {
      clearTimeout(grace);
      sockets.delete(key);
    });
    ssh.injectSocket(socket);
  }

  function onConnection(client: Connection, info: { ip: string; port: number }): void {
    const address = info.ip;
    const tracked = sockets.get(`${info.ip}:${info.port}`);
    const sessionId = randomUUID();
    let endReason = 'the client disconnected';
    const end = (reason: string) => {
      endReason = reason;
      client.end();
      setTimeout(() => tracked?.socket.destroy(), FORCE_CLOSE_MS).unref();
    };
    connections.set(client, end);
    let settled: () => void = () => undefined;
    const closing = new Promise<void>((resolve) => (settled = resolve));
    settling.add(closing);
    let authenticated: Authenticated | undefined;
    let who: SessionIdentity | undefined;
    let session: SftpSession | undefined;
    let idleTimer: NodeJS.Timeout | undefined;
    const connectedAt = Date.now();

    const touch = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => end('idle timeout'), settings.idleTimeoutMs);
    };

    client.on('authentication', (ctx) => {
      authenticate(ctx, address)
        .then((decision) => {
          if (decision.kind === 'rejected') return ctx.reject(METHODS);
          if (decision.kind === 'logged-in') authenticated = decision.authenticated;
          ctx.accept();
        })
        .catch((error: unknown) => {
          log.error({ err: error, address, username: ctx.username }, `sftp log-in could not be checked: ${describeError(error)}`);
          ctx.reject(METHODS);
        });
    });

    client.on('ready', () => {
      if (!authenticated || !tracked) return void client.end();
      tracked.loggedIn = true;
      const { login, method, keyFingerprint } = authenticated;
      who = { partner: login.partner, username: login.username, address, sessionId, instance: instance.name };
      touch();
      log.info({ partner: login.partner, username: login.username, address, method }, 'sftp log-in');
      void record(sessionEvent(who, 'sftp.login', { method, keyFingerprint }));
      client.on('session', (accept) => {
        const channel = accept();
        channel.on('sftp', (acceptSftp) => {
          if (!who || session) return;
          const stream = acceptSftp();
          // The client ends its side when it is done; ending ours closes the channel, which it waits for.
          stream.on('end', () => stream.end());
          session = serveSftp(stream, { pool, intake, log, who, maxFileBytes: inbox.maxFileBytes, onActivity: touch });
        });
      });
    });

    client.on('error', (error) => log.debug({ err: error, address }, 'sftp connection error'));

    client.on('close', () => {
      clearTimeout(idleTimer);
      connections.delete(client);
      const identity = who;
      void (session?.end() ?? Promise.resolve())
        .then(() => identity && record(sessionEvent(identity, 'sftp.logout', { reason: endReason, durationMs: Date.now() - connectedAt })))
        .finally(() => {
          settling.delete(closing);
          settled();
        });
    });
  }

  const record = (event: Parameters<typeof appendEvent>[1]) =>
    appendEvent(pool, event).catch((error: unknown) => log.warn({ err: error, type: event.type }, 'sftp event not recorded'));

  const ssh = new ssh2.Server({ hostKeys: [hostKey.privateKey], algorithms: STRONG_ALGORITHMS, ident: 'edi-gateway' }, onConnection);
  ssh.on('error', (error: Error) => log.error({ err: error }, 'sftp server error'));
  const server = net.createServer(onSocket);
  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) =>
      reject(
        new GatewayError('SFTP_LISTEN_FAILED', `The SFTP server cannot listen on ${settings.host}:${settings.port} (EDI_SFTP_HOST, EDI_SFTP_PORT): ${error.message}`, {
          location: { setting: 'EDI_SFTP_PORT' },
          cause: error,
        }),
      );
    server.once('error', failed);
    server.listen(settings.port, settings.host, () => {
      server.off('error', failed);
      server.on('error', (error: Error) => log.error({ err: error }, 'sftp listener error'));
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ host: settings.host, port, hostKeyFingerprint: hostKey.fingerprint }, 'sftp server started');

  let stopping: Promise<void> | undefined;
  return {
    port,
    hostKeyFingerprint: hostKey.fingerprint,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const end of connections.values()) end('the gateway stopped');
        for (const { socket } of sockets.values()) setTimeout(() => socket.destroy(), FORCE_CLOSE_MS).unref();
        await closed;
        await Promise.all([...settling]);
      })();
      return stopping;
    },
  };
}
