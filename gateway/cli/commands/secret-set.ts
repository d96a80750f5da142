import { X509Certificate } from 'node:crypto';
import { SECRET_KINDS, createSecretStore } from '../../secrets/database-secret-store.js';
import { loadMasterKey } from '../../secrets/master-key.js';
import type { SecretKind } from '../../secrets/secret-store.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { Command } from '../command.js';
import { readWholeFile } from '../edi-file.js';
import { withStore } from '../with-store.js';

export const secretSetCommand: Command = {
  name: 'secret set',
  summary: "Store a partner's secret (private key, certificate, password) under the name its profile gives, encrypted with the master key.",
  positionals: ['NAME'],
  options: { kind: { type: 'string' }, file: { type: 'string' } },
  optionHelp: {
    kind: `what it is: ${SECRET_KINDS.join(', ')}`,
    file: 'the file holding it (PEM for keys and certificates); a certificate\'s expiry is read from it',
  },
  async run({ args, options, loadConfig, stdout }) {
    const name = args[0] as string;
    const kind = options.kind as SecretKind | undefined;
    if (kind === undefined || !SECRET_KINDS.includes(kind)) throw new GatewayError('REQUEST_INVALID', `--kind must be one of ${SECRET_KINDS.join(', ')}`);
    if (typeof options.file !== 'string') throw new GatewayError('REQUEST_INVALID', '--file is missing: the file holding the secret');
    const value = await readWholeFile(options.file);
    const expiresAt = kind === 'certificate' ? certificateExpiry(options.file, value) : undefined;
    const { config } = loadConfig();
    const store = createSecretStore(loadMasterKey(config));
    const saved = await withStore(config, (pool) => store.put(pool, { name, kind, value, ...(expiresAt ? { expiresAt } : {}) }));
    stdout.write(`Secret ${saved.name} (${saved.kind}) stored${saved.expiresAt ? `; it expires ${saved.expiresAt.toISOString()}` : ''}.\n`);
    return 0;
  },
};

function certificateExpiry(file: string, value: Buffer): Date {
  try {
    return new Date(new X509Certificate(value).validTo);
  } catch (error) {
    throw new GatewayError('REQUEST_INVALID', `${file} is not a certificate (PEM or DER): ${(error as Error).message}`, { location: { file } });
  }
}
