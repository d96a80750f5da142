import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Mailbox passwords are kept in partner profiles only as scrypt hashes: "scrypt$N$r$p$salt$hash", salt and
// hash in base64. The cost is written into each hash, so raising it later leaves older hashes readable.

const COST = { N: 16_384, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;
/** Past these a hash from a profile could make one login attempt take the server's memory or minutes. */
const MAX_N = 1 << 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: string, salt: Buffer, length: number, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, HASH_BYTES, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Whether the password matches the hash, compared in constant time; false for a hash it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = FORMAT.exec(stored);
  if (!parts) return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (N < 2 || N > MAX_N || (N & (N - 1)) !== 0 || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return false;
  const expected = Buffer.from(parts[5] as string, 'base64');
  if (expected.length < 16) return false;
  const actual = await derive(password, Buffer.from(parts[4] as string, 'base64'), expected.length, { N, r, p });
  return timingSafeEqual(actual, expected);
}

/** Spends the time a real check takes, so a login name without a password cannot be told from one with. */
export async function verifyNoPassword(password: string): Promise<false> {
  await derive(password, Buffer.alloc(SALT_BYTES), HASH_BYTES, COST);
  return false;
}
