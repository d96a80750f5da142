import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/settings.js';
import { GatewayError } from '../errors/gateway-error.js';

// The master key the secret store encrypts with: EDI_MASTER_KEY, else the key file, which is made on first
// start. It never goes into the database; instances sharing a database must be given the same key.

export interface MasterKey {
  readonly key: Buffer;
  /** The first 8 bytes of its SHA-256, in hex: stored beside each secret to tell a wrong key from tampering. */
  readonly id: string;
}

export function loadMasterKey(config: Pick<Config, 'secrets'>): MasterKey {
  const { masterKey, masterKeyFile } = config.secrets;
  if (masterKey !== undefined) return masterKeyOf(Buffer.from(masterKey, 'base64'));
  if (!fs.existsSync(masterKeyFile)) {
    fs.mkdirSync(path.dirname(masterKeyFile), { recursive: true });
    // 'wx': when two instances start together on one folder, the second finds the first's key.
    try {
      fs.writeFileSync(masterKeyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const text = fs.readFileSync(masterKeyFile, 'utf8').trim();
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]{43}=$/.test(text) || key.length !== 32) {
    throw new GatewayError('CONFIG_INVALID', `${masterKeyFile} must hold a master key of 32 bytes in base64 (openssl rand -base64 32).`, { location: { file: masterKeyFile } });
  }
  return masterKeyOf(key);
}

export function masterKeyOf(key: Buffer): MasterKey {
  return { key, id: createHash('sha256').update(key).digest('hex').slice(0, 16) };
}
