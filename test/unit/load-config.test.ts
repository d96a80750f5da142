import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../gateway/config/load-config.js';
import { GatewayError } from '../../gateway/errors/gateway-error.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-config-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function writeConfigFile(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(folder, 'case-')), 'gateway.yaml');
  fs.writeFileSync(file, text);
  return file;
}

function failure(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('fills every setting from its default when nothing is given', () => {
    const { config, sources } = loadConfig({ env: {} });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(config.database.url).toBeUndefined();
    expect(config.database.embeddedDataDir).toBe(path.resolve('var/pg'));
    expect(config.inbox.dir).toBe(path.resolve('var/inbox'));
    expect(config.instance.name).toMatch(/:\d+$/);
    expect(Object.values(sources).every((source) => source === 'default')).toBe(true);
  });

  it('takes the config file over defaults and the environment over the file', () => {
    const file = writeConfigFile('http:\n  port: 9000\n  host: 0.0.0.0\nlog:\n  level: debug\n');
    const { config, sources } = loadConfig({ env: { EDI_HTTP_PORT: '9100' }, configFile: file });
    expect(config.http).toEqual({ host: '0.0.0.0', port: 9100 });
    expect(config.log.level).toBe('debug');
    expect(sources['http.port']).toBe('environment');
    expect(sources['http.host']).toBe('file');
    expect(sources['inbox.dir']).toBe('default');
  });

  it('finds the config file through EDI_CONFIG', () => {
    const file = writeConfigFile('inbox:\n  pollMs: 250\n');
    expect(loadConfig({ env: { EDI_CONFIG: file } }).config.inbox.pollMs).toBe(250);
  });

  it('accepts an external database URL', () => {
    const { config } = loadConfig({ env: { DATABASE_URL: 'postgres://u:p@db.example:5432/edi' } });
    expect(config.database.url).toBe('postgres://u:p@db.example:5432/edi');
  });

  it('names the setting, the variable and the wrong value', () => {
    const error = failure(() => loadConfig({ env: { EDI_HTTP_PORT: 'eighty' } }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('EDI_HTTP_PORT (http.port): must be a whole number from 0 to 65535, got "eighty"');
    expect(error.location?.setting).toBe('EDI_HTTP_PORT');
  });

  it('lists every problem at once, from the file and from the environment', () => {
    const file = writeConfigFile('scheduler:\n  concurrency: 0\nhtp:\n  port: 1\n');
    const error = failure(() =>
      loadConfig({ env: { DATABASE_URL: 'mysql://x/y', EDI_LOG_LEVEL: 'loud', EDI_HTTP_PROT: '1' }, configFile: file }),
    );
    expect(error.message).toContain(`scheduler.concurrency in ${file} (EDI_SCHEDULER_CONCURRENCY): must be a whole number from 1 to 100, got 0`);
    expect(error.message).toContain(`"htp.port" is not a setting of the gateway`);
    expect(error.message).toContain('DATABASE_URL (database.url): must be a postgres:// or postgresql:// URL, got a mysql: URL');
    expect(error.message).toContain('EDI_LOG_LEVEL (log.level): must be one of fatal, error, warn, info, debug, trace, silent, got "loud"');
    expect(error.message).toContain('EDI_HTTP_PROT: is not a setting of the gateway');
  });

  it('refuses an unreadable or malformed config file, naming it', () => {
    const missing = path.join(os.tmpdir(), 'no-such-edi-config.yaml');
    expect(failure(() => loadConfig({ env: {}, configFile: missing })).code).toBe('CONFIG_FILE_UNREADABLE');
    const broken = writeConfigFile('http: [unclosed\n');
    const error = failure(() => loadConfig({ env: {}, configFile: broken }));
    expect(error.code).toBe('CONFIG_FILE_UNREADABLE');
    expect(error.message).toContain(broken);
    expect(failure(() => loadConfig({ env: {}, configFile: writeConfigFile('- a\n- b\n') })).message).toContain('must hold a mapping');
  });
});
