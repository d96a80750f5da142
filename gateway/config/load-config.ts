import fs from 'node:fs';
import YAML from 'yaml';
import { GatewayError } from '../errors/gateway-error.js';
import { CONFIG_FILE_ENV, listSettings, type Config } from './settings.js';

export type SettingSource = 'default' | 'file' | 'environment';

export interface LoadedConfig {
  readonly config: Config;
  /** Where each setting's value came from, by dotted key. */
  readonly sources: Readonly<Record<string, SettingSource>>;
  readonly configFile: string | undefined;
}

export interface LoadConfigOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** From `--config FILE`; wins over EDI_CONFIG. */
  readonly configFile?: string | undefined;
}

/**
 * Defaults, then the optional config file, then the environment, validated into one typed object.
 * Every problem is collected, so one run names all of them; the error is CONFIG_INVALID (exit code 2).
 */
export function loadConfig(options: LoadConfigOptions): LoadedConfig {
  const configFile = options.configFile ?? (options.env[CONFIG_FILE_ENV] || undefined);
  const fileValues = configFile ? readConfigFile(configFile) : new Map<string, unknown>();
  const entries = listSettings();
  const problems: { setting: string; text: string }[] = [];

  const knownKeys = new Set(entries.map((entry) => entry.key));
  for (const key of fileValues.keys()) {
    if (!knownKeys.has(key)) problems.push({ setting: key, text: `${configFile}: "${key}" is not a setting of the gateway` });
  }
  const knownEnv = new Set([CONFIG_FILE_ENV, ...entries.map((entry) => entry.setting.env)]);
  for (const name of Object.keys(options.env)) {
    if (name.startsWith('EDI_') && !knownEnv.has(name)) {
      problems.push({ setting: name, text: `${name}: is not a setting of the gateway (check the spelling against the README)` });
    }
  }

  const config: Record<string, unknown> = {};
  const sources: Record<string, SettingSource> = {};
  for (const { key, setting } of entries) {
    const fromEnv = options.env[setting.env];
    const source: SettingSource = fromEnv !== undefined ? 'environment' : fileValues.has(key) ? 'file' : 'default';
    sources[key] = source;
    // Defaults go through the parser too, so every value (a folder made absolute, say) has one form.
    const fallback = typeof setting.default === 'function' ? (setting.default as () => unknown)() : setting.default;
    const raw = source === 'environment' ? fromEnv : source === 'file' ? fileValues.get(key) : fallback;
    const parsed = setting.parser.parse(raw);
    if (parsed.ok) {
      assign(config, key, parsed.value);
    } else {
      const where = source === 'environment' ? `${setting.env} (${key})` : `${key} in ${configFile} (${setting.env})`;
      problems.push({ setting: setting.env, text: `${where}: ${parsed.problem}` });
    }
  }

  const [first] = problems;
  if (first) {
    const list = problems.map((problem) => problem.text).join('\n  - ');
    throw new GatewayError('CONFIG_INVALID', `Configuration is not valid:\n  - ${list}`, { location: { setting: first.setting } });
  }
  return { config: config as unknown as Config, sources, configFile };
}

function readConfigFile(file: string): Map<string, unknown> {
  let document: unknown;
  try {
    document = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GatewayError('CONFIG_FILE_UNREADABLE', `Configuration file ${file} cannot be used: ${reason}`, {
      location: { file },
      cause: error,
    });
  }
  const values = new Map<string, unknown>();
  if (document === null || document === undefined) return values;
  if (typeof document !== 'object' || Array.isArray(document)) {
    throw new GatewayError('CONFIG_FILE_UNREADABLE', `Configuration file ${file} must hold a mapping of settings`, {
      location: { file },
    });
  }
  flatten(document as Record<string, unknown>, '', values);
  return values;
}

function flatten(node: Record<string, unknown>, prefix: string, into: Map<string, unknown>): void {
  for (const [name, value] of Object.entries(node)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      flatten(value as Record<string, unknown>, key, into);
    } else {
      into.set(key, value);
    }
  }
}

function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  const last = parts.pop() as string;
  let node = target;
  for (const part of parts) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[last] = value;
}
