import { Type } from '@sinclair/typebox';
import { choice, fields, list, text, wholeNumber, yesNo } from '../../translators/schema/fields.js';

// How files travel to and from the partner. Secrets never appear here, only the names they are kept under.

const remotePath = (description: string) => text(description, { pattern: '^/[^\\x00]*$', expects: 'an absolute path on the server, starting with /' });

/**
 * The name of a secret in the secret store (or environment), never the secret itself: profiles are kept in
 * git and shown on screens. The pattern refuses what a pasted key or password would contain.
 */
function secretRef(description: string) {
  return text(description, {
    pattern: '^[A-Za-z0-9_][A-Za-z0-9_.:/-]{0,127}$',
    expects: 'the name of a secret (letters, digits, _ . : / -), not the secret itself',
  });
}

const MailboxUserSchema = fields(
  'One login of the partner on our SFTP server.',
  {
    username: text('The login name the partner uses on our SFTP server.', {
      pattern: '^[a-z0-9][a-z0-9._-]{0,31}$',
      expects: 'at most 32 lower-case letters, digits, . _ - (starting with a letter or digit)',
    }),
    publicKeys: Type.Optional(
      list(
        "The partner's SSH public keys for this login: any of them logs in. Keys are the usual way; a password (passwordHash) can be allowed besides or instead. A login needs keys, a password or both.",
        text('One public key, as the line in an authorized_keys file.', {
          pattern: '^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,2}( [^\\n]*)?$',
          expects: 'an OpenSSH public key line, like "ssh-ed25519 AAAA... name"',
        }),
        { minItems: 1, uniqueItems: true },
      ),
    ),
    passwordHash: Type.Optional(
      text(
        'The scrypt hash of a password this login may use, never the password itself: made by `edi-gateway sftp hash-password`. Left out: keys only.',
        {
          pattern: '^scrypt\\$[0-9]+\\$[0-9]+\\$[0-9]+\\$[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]+={0,2}$',
          expects: 'a hash from `edi-gateway sftp hash-password`, like "scrypt$16384$8$1$salt$hash"',
        },
      ),
    ),
  },
);

const SftpMailboxSchema = fields('A mailbox on our own SFTP server: the partner logs in to drop files and pick up ours.', {
  users: list("The logins of the partner; each sees only this partner's mailbox.", MailboxUserSchema, { minItems: 1 }),
});

const SftpRemoteSchema = fields(
  "The partner's own SFTP server, which we log in to: to collect files (poll), deliver files (push) or both.",
  {
    host: text("The partner's SFTP server: host name or IP address.", { pattern: '^[A-Za-z0-9.:-]+$', expects: 'a host name or IP address' }),
    port: wholeNumber('Its port. Left out: 22.', { minimum: 1, maximum: 65535, default: 22 }),
    username: text('The login name the partner gave us.'),
    keyRef: Type.Optional(secretRef('Name of the secret that holds our private SSH key for this login. Give it, or passwordRef.')),
    passwordRef: Type.Optional(
      secretRef('Name of the secret that holds the password for this login, for a server that takes no keys. Give it, or keyRef; with both, the key is tried first.'),
    ),
    hostKey: text("The fingerprint of the server's host key, so that we never log in to a server pretending to be the partner's.", {
      pattern: '^SHA256:[A-Za-z0-9+/]{43}=?$',
      expects: 'a SHA256 fingerprint, like "SHA256:" and 43 characters (ssh-keyscan HOST | ssh-keygen -lf -)',
    }),
    poll: Type.Optional(
      fields("Collect the partner's files from its server.", {
        path: remotePath('The folder the partner leaves files for us in.'),
        intervalSeconds: wholeNumber('How often we look in it, in seconds: 30 to 86400.', { minimum: 30, maximum: 86_400 }),
        pattern: text(
          'Which files we collect, by name: * stands for any characters, ? for one (*.edi, ORD_*.txt), upper and lower case alike. Names ending in .part, .tmp, .filepart or .partial are never taken. Left out: every file.',
          { pattern: '^[^/\\x00]+$', expects: 'a file name pattern without /', default: '*' },
        ),
        afterPickup: Type.Optional(
          fields("What we do with a collected file on the partner's server, once it is stored here. Left out: we delete it.", {
            action: choice('delete: we remove it; move: we move it to moveTo, for the partner to see what we took.', ['delete', 'move']),
            moveTo: Type.Optional(remotePath('With action move: the folder we move it to. A name already there gets our file id added.')),
          }),
        ),
      }),
    ),
    push: Type.Optional(fields("Deliver our files to the partner's server.", { path: remotePath('The folder we put our files in.') })),
  },
);

const As2Schema = fields(
  'AS2 (HTTP with S/MIME): the partner sends to our AS2 URL and we send to its.',
  {
    partnerAs2Id: text('The AS2 id of the partner (AS2-From on what it sends, AS2-To on what we send).', {
      pattern: '^[!-~]{1,128}$',
      expects: '1 to 128 printable characters without spaces',
    }),
    ourAs2Id: text('Our AS2 id as this partner knows it; usually the same for every partner, so kept in the defaults file.', {
      pattern: '^[!-~]{1,128}$',
      expects: '1 to 128 printable characters without spaces',
    }),
    url: text("The partner's AS2 URL we send messages to.", { pattern: '^https?://[^\\s/]+\\S*$', expects: 'an http:// or https:// URL' }),
    partnerCertificateRef: secretRef("Name under which the partner's certificate is kept: we encrypt to it and check the partner's signatures with it."),
    ourCertificateRef: secretRef('Name under which our private key and certificate are kept: we sign with it and the partner encrypts to it.'),
    signing: choice(
      'The digest our signatures use, and the one we ask for on MDNs: sha256 unless the partner can only do another. Left out: sha256.',
      ['sha1', 'sha256', 'sha384', 'sha512'],
      { default: 'sha256' },
    ),
    encryption: choice(
      'The cipher of the messages we send: aes256-cbc unless the partner can only do another (3des only for old systems). Left out: aes256-cbc.',
      ['3des', 'aes128-cbc', 'aes192-cbc', 'aes256-cbc', 'aes128-gcm', 'aes256-gcm'],
      { default: 'aes256-cbc' },
    ),
    mdn: choice(
      'How the receipt (MDN) comes back: sync (in the answer to the same request) or async (in a request of its own, later). Left out: sync.',
      ['sync', 'async'],
      { default: 'sync' },
    ),
    signedMdn: yesNo('true: we ask for signed MDNs, which prove the partner received the message. Left out: true.', { default: true }),
    acceptUnsigned: yesNo(
      "true: messages the partner did not sign are taken too. Anyone who knows the partner's AS2 ids can send such a message, so only for a partner that cannot sign, over a connection otherwise secured. Left out: false.",
      { default: false },
    ),
  },
);

export const TransportsSchema = fields(
  "How files travel between us and the partner: any of the three. Left out: files only through the gateway's local drop folder.",
  {
    sftpMailbox: Type.Optional(SftpMailboxSchema),
    sftpRemote: Type.Optional(SftpRemoteSchema),
    as2: Type.Optional(As2Schema),
  },
);
