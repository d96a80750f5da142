import type { Algorithms } from 'ssh2';

// Only what current guidance (and SFTPGo's defaults) still calls strong: no SHA-1, no CBC, no plain-MAC
// (encrypt-and-MAC) modes, no finite-field Diffie-Hellman. ssh2 adds strict key exchange
// (kex-strict-s-v00@openssh.com, the Terrapin fix) to a server's offer by itself.
export const STRONG_ALGORITHMS: Algorithms = {
  kex: ['curve25519-sha256', 'curve25519-sha256@libssh.org', 'ecdh-sha2-nistp256', 'ecdh-sha2-nistp384', 'ecdh-sha2-nistp521'],
  cipher: ['chacha20-poly1305@openssh.com', 'aes256-gcm@openssh.com', 'aes128-gcm@openssh.com', 'aes256-ctr', 'aes192-ctr', 'aes128-ctr'],
  hmac: ['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com'],
  serverHostKey: ['ssh-ed25519'],
  compress: ['none'],
};
