import SftpClient from 'ssh2-sftp-client';
import { describeError } from '../../errors/gateway-error.js';
import type { Logger } from '../../log.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { Queryable } from '../../store/pool.js';
import { fingerprintOf, sameFingerprint } from './host-key.js';
import { RemoteSftpError } from './remote-error.js';
import type { RemoteServer } from './remote-server.js';

// One logged-in SFTP session on a partner's server. Every operation has a deadline: a server that stops
// answering costs its partner one timeout, never a job slot held for ever. Failures come out as
// RemoteSftpError naming the partner, the host and the path.

export interface RemoteFile {
  readonly name: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface RemoteSession {
  /** The regular files of a folder (no folders, no links). */
  list(folder: string): Promise<RemoteFile[]>;
  read(file: string): Promise<Buffer>;
  /** Undefined when there is no such file. */
  stat(file: string): Promise<{ readonly size: number; readonly mtimeMs: number } | undefined>;
  exists(file: string): Promise<boolean>;
  /** Writes the whole content; replaces a file of that name. */
  write(file: string, content: Buffer): Promise<void>;
  /** Fails when `to` exists: an SFTP rename never replaces a file (OpenSSH links, then unlinks). */
  rename(from: string, to: string): Promise<void>;
  /** Quietly done when the file is already gone. */
  remove(file: string): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  readonly server: RemoteServer;
  readonly secrets: SecretStore;
  readonly db: Queryable;
  readonly connectTimeoutMs: number;
  readonly transferTimeoutMs: number;
  readonly log: Logger;
}

/** ssh2-sftp-client keeps its ssh2 connection here without declaring it; destroying it is the only hard stop. */
interface WithConnection {
  readonly client: { destroy(): void };
}

export async function openSession(options: SessionOptions): Promise<RemoteSession> {
  const { server, log } = options;
  const where = `partner ${server.partner}, SFTP server ${server.host}:${server.port}`;
  const credentials = await loadCredentials(options);
  // Unexpected events after an operation settled (the server closing an idle session) are not failures of
  // any operation; without these callbacks the library prints them to the console.
  const client = new SftpClient(`${server.partner}@${server.host}`, {
    error: (error) => log.debug({ err: error, partner: server.partner }, 'SFTP connection error outside an operation'),
    end: () => undefined,
    close: () => undefined,
  });
  const destroy = () => (client as unknown as WithConnection).client.destroy();
  let presented: string | undefined;

  const connecting = client.connect({
    host: server.host,
    port: server.port,
    username: server.username,
    ...credentials,
    authHandler: [...(credentials.privateKey ? ['publickey' as const] : []), ...(credentials.password ? ['password' as const] : [])],
    tryKeyboard: false,
    readyTimeout: options.connectTimeoutMs,
    keepaliveInterval: 15_000,
    keepaliveCountMax: 3,
    hostVerifier: (key: Buffer) => {
      presented = fingerprintOf(key);
      return sameFingerprint(server.hostKey, presented);
    },
  });
  try {
    await withDeadline(connecting, options.connectTimeoutMs, destroy);
  } catch (error) {
    destroy();
    throw connectFailure(server, where, presented, error);
  }

  const operation = async <T>(what: string, path: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await withDeadline(work(), options.transferTimeoutMs, destroy);
    } catch (error) {
      throw new RemoteSftpError('SFTP_REMOTE_TRANSFER_FAILED', `${what} ${path} failed on ${where}: ${describeError(error)}`, {
        host: server.host,
        port: server.port,
        path,
      }, error);
    }
  };

  return {
    list: (folder) =>
      operation('Listing', folder, async () =>
        (await client.list(folder))
          .filter((entry) => entry.type === '-')
          .map((entry) => ({ name: entry.name, size: entry.size, mtimeMs: entry.modifyTime })),
      ),
    read: (file) => operation('Reading', file, async () => (await client.get(file)) as Buffer),
    stat: (file) =>
      operation('Looking up', file, async () => {
        if ((await client.exists(file)) !== '-') return undefined;
        const stats = await client.stat(file);
        return { size: stats.size, mtimeMs: stats.modifyTime };
      }),
    exists: (file) => operation('Looking up', file, async () => (await client.exists(file)) !== false),
    write: (file, content) => operation('Writing', file, async () => void (await client.put(content, file))),
    rename: (from, to) => operation('Renaming', `${from} to ${to}`, async () => void (await client.rename(from, to))),
    remove: (file) => operation('Deleting', file, async () => void (await client.delete(file, true))),
    async close() {
      await withDeadline(client.end(), options.transferTimeoutMs, destroy).catch(destroy);
    },
  };
}

async function loadCredentials(options: SessionOptions): Promise<{ privateKey?: Buffer; password?: string }> {
  const { keyRef, passwordRef } = options.server;
  return {
    ...(keyRef === undefined ? {} : { privateKey: await options.secrets.get(options.db, keyRef) }),
    ...(passwordRef === undefined ? {} : { password: (await options.secrets.get(options.db, passwordRef)).toString('utf8') }),
  };
}

function connectFailure(server: RemoteServer, where: string, presented: string | undefined, error: unknown): RemoteSftpError {
  const details = { host: server.host, port: server.port };
  if (presented !== undefined && !sameFingerprint(server.hostKey, presented)) {
    return new RemoteSftpError(
      'SFTP_REMOTE_HOST_KEY_REFUSED',
      `Refused to log in to ${where}: it showed the host key ${presented}, but the profile pins ${server.hostKey}. If the partner changed its key, check the new fingerprint with it before putting it in the profile.`,
      { ...details, expected: server.hostKey, presented },
      error,
    );
  }
  if (/authentication methods failed/i.test(describeError(error))) {
    return new RemoteSftpError(
      'SFTP_REMOTE_LOGIN_REFUSED',
      `${capitalised(where)} refused our login as ${server.username} with the ${[server.keyRef && `key ${server.keyRef}`, server.passwordRef && `password ${server.passwordRef}`].filter(Boolean).join(' and the ')}.`,
      { ...details, username: server.username },
      error,
    );
  }
  return new RemoteSftpError('SFTP_REMOTE_UNREACHABLE', `Could not connect to ${where}: ${describeError(error)}`, details, error);
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The work's result, or a failure after `ms`, when `onExpiry` runs (it ends the connection, so the
 * abandoned operation cannot go on writing). The abandoned promise's own failure is then of no interest.
 */
async function withDeadline<T>(work: Promise<T>, ms: number, onExpiry: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onExpiry();
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
