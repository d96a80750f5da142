import os from 'node:os';
import { folder, oneOf, optional, postgresUrl, text, wholeNumber, type ValueParser } from './values.js';

// Every setting of the gateway, once: its environment variable, default and meaning. The typed Config,
// the README's configuration table and the check of docker/compose.yaml all derive from this table.

export interface Setting<T> {
  readonly env: string;
  readonly doc: string;
  readonly parser: ValueParser<T>;
  readonly default: T | (() => T);
  /** Shown as "(set)" instead of its value by `edi-gateway config`. */
  readonly secret?: boolean;
  /** How the README shows a default computed at start-up. */
  readonly defaultShown?: string;
}

function setting<T>(definition: Setting<T>): Setting<T> {
  return definition;
}

const millis = (min: number, max: number) => wholeNumber(min, max);

export const settings = {
  database: {
    url: setting({
      env: 'DATABASE_URL',
      doc: 'External PostgreSQL server to use. Unset: the gateway starts its own embedded PostgreSQL.',
      parser: optional(postgresUrl()),
      default: undefined,
      secret: true,
    }),
    poolMax: setting({
      env: 'EDI_DB_POOL_MAX',
      doc: 'Most database connections this instance opens for its jobs, dashboard and API.',
      parser: wholeNumber(2, 200),
      default: 10,
    }),
    transportPoolMax: setting({
      env: 'EDI_DB_TRANSPORT_POOL_MAX',
      doc: "Database connections kept apart for partners' sessions (SFTP logins and uploads, AS2 messages, the drop folder), besides EDI_DB_POOL_MAX: however busy the jobs, a partner's upload never waits behind them.",
      parser: wholeNumber(1, 100),
      default: 4,
    }),
    embeddedDataDir: setting({
      env: 'EDI_PG_DATA_DIR',
      doc: 'Data folder of the embedded PostgreSQL (relative paths from the working directory).',
      parser: folder(),
      default: 'var/pg',
    }),
    embeddedPort: setting({
      env: 'EDI_PG_PORT',
      doc: 'Port of the embedded PostgreSQL on 127.0.0.1; 0 picks a free one.',
      parser: wholeNumber(0, 65535),
      default: 0,
    }),
  },
  http: {
    host: setting({
      env: 'EDI_HTTP_HOST',
      doc: 'Address the HTTP API and dashboard listen on.',
      parser: text(),
      default: '127.0.0.1',
    }),
    port: setting({
      env: 'EDI_HTTP_PORT',
      doc: 'Port of the HTTP API and dashboard; 0 picks a free one.',
      parser: wholeNumber(0, 65535),
      default: 8080,
    }),
  },
  dashboard: {
    sessionIdleMs: setting({
      env: 'EDI_DASHBOARD_IDLE_TIMEOUT_MS',
      doc: 'A dashboard session not used for this long ends, in milliseconds; the next page asks to sign in again.',
      parser: millis(60_000, 86_400_000),
      default: 1_800_000,
    }),
    sessionMaxMs: setting({
      env: 'EDI_DASHBOARD_SESSION_MAX_MS',
      doc: 'A dashboard session ends this long after its sign-in however much it is used, in milliseconds.',
      parser: millis(60_000, 2_592_000_000),
      default: 43_200_000,
    }),
    secureCookie: setting({
      env: 'EDI_DASHBOARD_SECURE_COOKIE',
      doc: 'auto: the session cookie is marked Secure (sent over HTTPS only) when the dashboard is served over HTTPS; on: always, for a proxy in front that ends HTTPS.',
      parser: oneOf(['auto', 'on']),
      default: 'auto',
    }),
    maxSignInFailures: setting({
      env: 'EDI_DASHBOARD_MAX_SIGN_IN_FAILURES',
      doc: 'Failed dashboard sign-ins, per user name and per address, within EDI_DASHBOARD_SIGN_IN_WINDOW_MS after which further sign-ins of that name or from that address are refused until the window moves on.',
      parser: wholeNumber(1, 100),
      default: 5,
    }),
    signInWindowMs: setting({
      env: 'EDI_DASHBOARD_SIGN_IN_WINDOW_MS',
      doc: 'How long a failed dashboard sign-in counts towards the limit, in milliseconds.',
      parser: millis(1000, 86_400_000),
      default: 900_000,
    }),
  },
  log: {
    level: setting({
      env: 'EDI_LOG_LEVEL',
      doc: 'Least severe log level written (JSON lines on standard output).',
      parser: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
      default: 'info',
    }),
  },
  inbox: {
    dir: setting({
      env: 'EDI_INBOX_DIR',
      doc: 'Local drop folder: a file in <dir>/<partner>/ is received from that partner.',
      parser: folder(),
      default: 'var/inbox',
    }),
    pollMs: setting({
      env: 'EDI_INBOX_POLL_MS',
      doc: 'How often the drop folder is scanned, in milliseconds.',
      parser: millis(50, 3_600_000),
      default: 1000,
    }),
    settleMs: setting({
      env: 'EDI_INBOX_SETTLE_MS',
      doc: 'How long a file must stay untouched before it is taken, in milliseconds; it must also look the same on two scans in a row.',
      parser: millis(0, 3_600_000),
      default: 1000,
    }),
    claimLeaseMs: setting({
      env: 'EDI_INBOX_CLAIM_LEASE_MS',
      doc: 'After this many milliseconds a file taken by an instance that died is stored by another.',
      parser: millis(1000, 86_400_000),
      default: 60_000,
    }),
    maxFileBytes: setting({
      env: 'EDI_MAX_FILE_BYTES',
      doc: 'Largest file accepted, in bytes; a larger one is refused with FILE_TOO_LARGE.',
      parser: wholeNumber(1, 1_073_741_824),
      default: 104_857_600,
    }),
  },
  partners: {
    defaultsFile: setting({
      env: 'EDI_PARTNER_DEFAULTS',
      doc: "YAML file every new partner's profile starts from: our own envelope ids, the usual acknowledgment policy. Left missing, each profile must give them itself.",
      parser: text(),
      default: 'var/partners/defaults.yaml',
    }),
    demo: setting({
      env: 'EDI_DEMO_PARTNER',
      doc: 'on: a first start with no partners creates the test partner "demo" (template retailer-x12-4010, ISA id ZZ/DEMORETAILER) to try the gateway with; off for a real deployment.',
      parser: oneOf(['on', 'off']),
      default: 'on',
    }),
  },
  secrets: {
    masterKey: setting({
      env: 'EDI_MASTER_KEY',
      doc: "The key partners' secrets (private keys, certificates, passwords) are encrypted with, as 32 bytes in base64 (openssl rand -base64 32); the same on every instance sharing a database. Unset: the key in EDI_MASTER_KEY_FILE.",
      parser: optional(text({ pattern: /^[A-Za-z0-9+/]{43}=$/, expects: '32 bytes in base64 (44 characters)' })),
      default: undefined,
      secret: true,
    }),
    masterKeyFile: setting({
      env: 'EDI_MASTER_KEY_FILE',
      doc: 'File holding the master key when EDI_MASTER_KEY is unset; made (readable by the gateway only) on first start when missing.',
      parser: text(),
      default: 'var/master.key',
    }),
  },
  odoo: {
    sync: setting({
      env: 'EDI_ODOO',
      doc: 'on: documents partners send are written to the Odoo at EDI_ODOO_URL or, with that unset, to a sandbox Odoo the gateway starts in its own process (the simulator with demo customer, vendor and products, kept in memory until the gateway stops); off: they are only logged and counted as synced (reference logged), to run the pipeline without an ERP.',
      parser: oneOf(['on', 'off']),
      default: 'on',
    }),
    url: setting({
      env: 'EDI_ODOO_URL',
      doc: "Odoo's address (16 to 19): JSON-2 is used from 19, JSON-RPC before. Its API key is the secret odoo/main/api-key (edi-gateway secret set odoo/main/api-key --kind password --file FILE). Unset: the sandbox Odoo.",
      parser: optional(text({ pattern: /^https?:\/\/\S+$/, expects: 'an http:// or https:// URL' })),
      default: undefined,
    }),
    database: setting({
      env: 'EDI_ODOO_DATABASE',
      doc: 'The Odoo database the documents go to; required with EDI_ODOO_URL.',
      parser: optional(text()),
      default: undefined,
    }),
    login: setting({
      env: 'EDI_ODOO_LOGIN',
      doc: 'The login of the Odoo user the gateway works as, whose API key is stored as odoo/main/api-key; required with EDI_ODOO_URL.',
      parser: optional(text()),
      default: undefined,
    }),
    usage: setting({
      env: 'EDI_ODOO_USAGE',
      doc: 'production: the Odoo at EDI_ODOO_URL holds real business, and documents marked test (ISA15 T, UNB 0035 1) are refused with ODOO_USAGE_MISMATCH rather than written to it; test: a test database that takes every document. The sandbox is always test.',
      parser: oneOf(['production', 'test']),
      default: 'production',
    }),
    pollEveryMs: setting({
      env: 'EDI_ODOO_POLL_MS',
      doc: "How often the gateway reads what changed in Odoo (confirmed purchase orders, done deliveries, posted customer invoices) to send it to the partners whose profiles take it, in milliseconds.",
      parser: millis(1000, 3_600_000),
      default: 30_000,
    }),
  },
  sftpRemote: {
    checkEveryMs: setting({
      env: 'EDI_SFTP_REMOTE_CHECK_MS',
      doc: "How often the gateway looks for partners' SFTP servers due to be polled, in milliseconds; each partner's own interval is in its profile.",
      parser: millis(1000, 600_000),
      default: 5000,
    }),
    connectTimeoutMs: setting({
      env: 'EDI_SFTP_REMOTE_CONNECT_TIMEOUT_MS',
      doc: "How long connecting and logging in to a partner's SFTP server may take, in milliseconds.",
      parser: millis(1000, 600_000),
      default: 20_000,
    }),
    transferTimeoutMs: setting({
      env: 'EDI_SFTP_REMOTE_TRANSFER_TIMEOUT_MS',
      doc: "How long one operation on a partner's SFTP server (listing, reading or writing a file, renaming, deleting) may take, in milliseconds.",
      parser: millis(1000, 3_600_000),
      default: 120_000,
    }),
    retryMs: setting({
      env: 'EDI_SFTP_REMOTE_RETRY_MS',
      doc: 'After a failed poll or push, the wait before the first retry, in milliseconds; it doubles with each failure in a row.',
      parser: millis(100, 3_600_000),
      default: 10_000,
    }),
    retryMaxMs: setting({
      env: 'EDI_SFTP_REMOTE_RETRY_MAX_MS',
      doc: "The longest wait between retries of a failing partner's poll, in milliseconds (at least the partner's own interval).",
      parser: millis(1000, 86_400_000),
      default: 900_000,
    }),
    pushAttempts: setting({
      env: 'EDI_SFTP_REMOTE_PUSH_ATTEMPTS',
      doc: "How many times a file is tried on a partner's SFTP server before its push is reported failed.",
      parser: wholeNumber(1, 10),
      default: 3,
    }),
  },
  as2: {
    path: setting({
      env: 'EDI_AS2_PATH',
      doc: 'The path of our AS2 URL on the HTTP port: partners POST messages and asynchronous MDNs to it.',
      parser: text({ pattern: /^\/[\w./-]{0,200}$/, expects: 'a path starting with / (letters, digits, _ . / -)' }),
      default: '/as2',
    }),
    publicUrl: setting({
      env: 'EDI_AS2_PUBLIC_URL',
      doc: 'Our AS2 URL as partners reach it (through any proxy), where partners send the asynchronous MDNs we ask for. Unset: only synchronous MDNs can be asked for.',
      parser: optional(text({ pattern: /^https?:\/\/\S+$/, expects: 'an http:// or https:// URL' })),
      default: undefined,
    }),
    maxMessageBytes: setting({
      env: 'EDI_AS2_MAX_MESSAGE_BYTES',
      doc: 'Largest AS2 message accepted, in bytes, as sent and once decompressed; a larger one is refused with AS2_MESSAGE_TOO_LARGE.',
      parser: wholeNumber(1024, 1_073_741_824),
      default: 104_857_600,
    }),
    attempts: setting({
      env: 'EDI_AS2_ATTEMPTS',
      doc: "How many times we send an AS2 message that gets no MDN (same Message-ID each time), or an asynchronous MDN the partner's server does not take.",
      parser: wholeNumber(1, 20),
      default: 3,
    }),
    retryMs: setting({
      env: 'EDI_AS2_RETRY_MS',
      doc: 'The wait before sending again, in milliseconds; for a message whose MDN comes asynchronously, how long that MDN is waited for.',
      parser: millis(10, 86_400_000),
      default: 60_000,
    }),
    timeoutMs: setting({
      env: 'EDI_AS2_TIMEOUT_MS',
      doc: "How long one request to a partner's AS2 server may take, in milliseconds, a synchronous MDN included.",
      parser: millis(1000, 3_600_000),
      default: 120_000,
    }),
  },
  sftp: {
    host: setting({
      env: 'EDI_SFTP_HOST',
      doc: "Address the partners' SFTP server listens on; 0.0.0.0 to take partners from other machines.",
      parser: text(),
      default: '127.0.0.1',
    }),
    port: setting({
      env: 'EDI_SFTP_PORT',
      doc: "Port of the partners' SFTP server; 0 picks a free one.",
      parser: wholeNumber(0, 65535),
      default: 2222,
    }),
    maxLoginFailures: setting({
      env: 'EDI_SFTP_MAX_LOGIN_FAILURES',
      doc: 'Failed SFTP log-ins, per login name and per address, within EDI_SFTP_FAILURE_WINDOW_MS that bring a ban; while it lasts every log-in of that name or address is refused.',
      parser: wholeNumber(1, 100),
      default: 5,
    }),
    failureWindowMs: setting({
      env: 'EDI_SFTP_FAILURE_WINDOW_MS',
      doc: 'How long a failed SFTP log-in counts towards a ban, in milliseconds.',
      parser: millis(1000, 86_400_000),
      default: 60_000,
    }),
    banMs: setting({
      env: 'EDI_SFTP_BAN_MS',
      doc: 'Length of a first SFTP ban, in milliseconds; each further ban within a day of the last is twice as long, up to a day.',
      parser: millis(1000, 86_400_000),
      default: 300_000,
    }),
    idleTimeoutMs: setting({
      env: 'EDI_SFTP_IDLE_TIMEOUT_MS',
      doc: 'An SFTP session without a request for this long is closed, in milliseconds.',
      parser: millis(1000, 86_400_000),
      default: 600_000,
    }),
    loginGraceMs: setting({
      env: 'EDI_SFTP_LOGIN_GRACE_MS',
      doc: 'A connection not logged in within this long is closed, in milliseconds.',
      parser: millis(1000, 600_000),
      default: 30_000,
    }),
  },
  alerts: {
    webhookUrl: setting({
      env: 'EDI_ALERT_WEBHOOK_URL',
      doc: 'Where alerts (overdue or rejected acknowledgments, quarantined files, exceptions) are POSTed as JSON, signed with the secret alerts/webhook-key (header X-EDI-Signature). Unset: alerts are only written to the log.',
      parser: optional(text({ pattern: /^https?:\/\/\S+$/, expects: 'an http:// or https:// URL' })),
      default: undefined,
      secret: true,
    }),
    webhookTimeoutMs: setting({
      env: 'EDI_ALERT_WEBHOOK_TIMEOUT_MS',
      doc: 'How long the alerts webhook may take to answer, in milliseconds.',
      parser: millis(100, 600_000),
      default: 10_000,
    }),
    attempts: setting({
      env: 'EDI_ALERT_ATTEMPTS',
      doc: 'How many times an alert is sent to the webhook before it is given up as FAILED; the log has it from the first.',
      parser: wholeNumber(1, 100),
      default: 10,
    }),
    retryMs: setting({
      env: 'EDI_ALERT_RETRY_MS',
      doc: 'After a failed attempt, the wait before an alert is sent again, in milliseconds; it doubles with each failure, up to an hour.',
      parser: millis(100, 3_600_000),
      default: 30_000,
    }),
    sendEveryMs: setting({
      env: 'EDI_ALERT_SEND_MS',
      doc: 'How often the gateway sends the alerts recorded since (quarantined files, exceptions) and those due again, in milliseconds.',
      parser: millis(100, 600_000),
      default: 5000,
    }),
  },
  scheduler: {
    pollMs: setting({
      env: 'EDI_SCHEDULER_POLL_MS',
      doc: 'How often the scheduler looks for due jobs, in milliseconds (new jobs also arrive by notification).',
      parser: millis(100, 600_000),
      default: 5000,
    }),
    concurrency: setting({
      env: 'EDI_SCHEDULER_CONCURRENCY',
      doc: 'Most jobs of one kind this instance runs at once.',
      parser: wholeNumber(1, 100),
      default: 4,
    }),
    lockMs: setting({
      env: 'EDI_SCHEDULER_LOCK_MS',
      doc: 'How long a job stays locked to the instance that took it, in milliseconds; after that another instance may run it (every job is safe to run twice). Keeps the work of an instance that died from waiting long.',
      parser: millis(5000, 3_600_000),
      default: 30_000,
    }),
    sweepIntervalMs: setting({
      env: 'EDI_SWEEP_INTERVAL_MS',
      doc: 'How often the sweep looks for work stuck in a state, in milliseconds.',
      parser: millis(1000, 86_400_000),
      default: 30_000,
    }),
    stuckAfterMs: setting({
      env: 'EDI_STUCK_AFTER_MS',
      doc: 'How long work may sit in a state before the sweep nudges it again, in milliseconds.',
      parser: millis(1000, 86_400_000),
      default: 30_000,
    }),
  },
  shutdown: {
    timeoutMs: setting({
      env: 'EDI_SHUTDOWN_TIMEOUT_MS',
      doc: 'How long running jobs may take to finish after SIGTERM or SIGINT, in milliseconds.',
      parser: millis(0, 600_000),
      default: 7000,
    }),
  },
  instance: {
    name: setting({
      env: 'EDI_INSTANCE_NAME',
      doc: 'Name of this instance in logs, events and job locks; must differ between instances.',
      parser: text({ pattern: /^[\w.:-]{1,100}$/, expects: 'letters, digits, . _ : - (at most 100)' }),
      default: () => `${os.hostname()}:${process.pid}`,
      defaultShown: '<host name>:<process id>',
    }),
  },
};

export type SettingsTree = { readonly [key: string]: Setting<unknown> | SettingsTree };

type Resolved<T> = { readonly [K in keyof T]: T[K] extends Setting<infer V> ? V : Resolved<T[K]> };

/** The resolved configuration: one typed object, built only by loadConfig. */
export type Config = Resolved<typeof settings>;

/** Environment variable naming the optional config file (also `--config FILE` on the command line). */
export const CONFIG_FILE_ENV = 'EDI_CONFIG';

export interface SettingEntry {
  /** Dotted key as written in the config file, e.g. `http.port`. */
  readonly key: string;
  readonly setting: Setting<unknown>;
}

function isSetting(node: Setting<unknown> | SettingsTree): node is Setting<unknown> {
  return typeof (node as Setting<unknown>).env === 'string' && 'parser' in node;
}

/** Every setting with its dotted key, in table order. */
export function listSettings(tree: SettingsTree = settings as SettingsTree, prefix = ''): SettingEntry[] {
  return Object.entries(tree).flatMap(([name, node]) => {
    const key = prefix ? `${prefix}.${name}` : name;
    return isSetting(node) ? [{ key, setting: node }] : listSettings(node, key);
  });
}
