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
      doc: 'Most database connections this instance opens.',
      parser: wholeNumber(2, 200),
      default: 10,
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
