import fs from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import YAML from 'yaml';
import { delimitersFor } from '../../partners/delimiters.js';
import { parseProfile } from '../../partners/parse-profile.js';
import { formatPath } from '../../partners/profile-problem.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';

/** test/fixtures/partners/minimal.yaml, parsed: a good X12 005010 profile to change one thing in. */
function minimal(): PartnerProfile {
  const parsed = parseProfile(YAML.parse(fs.readFileSync('test/fixtures/partners/minimal.yaml', 'utf8'), { schema: 'failsafe' }));
  if (!parsed.ok) throw new Error(`minimal.yaml is refused: ${JSON.stringify(parsed.problems)}`);
  return parsed.profile;
}

/** The problems of minimal.yaml after `change`, each as "path: reason". */
function problemsAfter(change: (profile: PartnerProfile) => void): string[] {
  const profile = minimal();
  change(profile);
  const parsed = parseProfile(profile);
  return parsed.ok ? [] : parsed.problems.map((problem) => `${formatPath(problem.path)}: ${problem.reason}`);
}

const order = (profile: PartnerProfile) => profile.documents[0] as PartnerProfile['documents'][number];

describe('a profile whose fields disagree', () => {
  it('accepts the minimal profile as it is', () => {
    expect(problemsAfter(() => {})).toEqual([]);
  });

  const cases: [string, (profile: PartnerProfile) => void, string[]][] = [
    ['a version of the other standard', (p) => (p.version = 'D96A'), ["version: must be '004010' or '005010' for an X12 partner, got 'D96A'"]],
    [
      'no identity for the standard',
      (p) => {
        p.standard = 'EDIFACT';
        p.version = 'D01B';
        p.documents = [{ document: 'order', message: 'ORDERS', direction: 'in' }];
      },
      ['identities.partner.edifact: is required for an EDIFACT partner', 'identities.ours.edifact: is required for an EDIFACT partner (usually given once, in the defaults file)'],
    ],
    ['the message of another standard', (p) => (order(p).message = 'ORDERS'), ["documents[0].message: must be '850' for order in X12, got 'ORDERS'"]],
    [
      'a document listed twice in one direction',
      (p) => p.documents.push({ document: 'order', message: '850', direction: 'in' }),
      ['documents[2]: lists order in again (first at documents[0])'],
    ],
    [
      'short dates in X12, and a time zone that does not exist',
      (p) => (order(p).dateFormats = { date: 'YYMMDD', time: 'HHMM', timeZone: 'America/Chicgo' }),
      [
        'documents[0].dateFormats.date: YYMMDD is for EDIFACT only: X12 004010 and 005010 write dates as CCYYMMDD',
        "documents[0].dateFormats.timeZone: 'America/Chicgo' is not a time zone name like America/Chicago or UTC",
      ],
    ],
    [
      'an outbound code table that gives one value for two codes',
      (p) => ((p.documents[1] as PartnerProfile['documents'][number]).codeValues = { TD503: { UPSN: 'ups', UPSG: 'ups' } }),
      ["documents[1].codeValues.TD503.UPSG: gives 'ups' as UPSN does: outbound the gateway could not tell which code to send"],
    ],
    [
      'resubmission without a limit',
      (p) => (p.acknowledgments.expect.whenOverdue = 'both'),
      ['acknowledgments.expect.maxResubmissions: is required when whenOverdue is both'],
    ],
    [
      'EDIFACT delimiters in X12, and two delimiters alike',
      (p) => (p.delimiters = { decimal: ',', element: '>' }),
      ['delimiters.decimal: is for EDIFACT only: X12 has no decimal mark or release character', "delimiters.element: '>' is given for both element and component"],
    ],
    [
      'a repetition separator in 004010',
      (p) => {
        p.version = '004010';
        p.delimiters = { repetition: '^' };
      },
      ['delimiters.repetition: is for 005010 only: in 004010 ISA11 is the standards identifier U'],
    ],
    [
      'a remote SFTP server with nothing to do, and a mailbox login twice',
      (p) => {
        const user = { username: 'minimal', publicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHb2lAGNz4Nfv8xSxvtGmNpMeBqtjPB3Wq9lwA8QtdVr'] };
        p.transports = {
          sftpRemote: { host: 'sftp.example', port: 22, username: 'x', keyRef: 'sftp/x', hostKey: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8' },
          sftpMailbox: { users: [user, user] },
        };
      },
      ['transports.sftpRemote: needs poll, push or both: with neither, nothing is exchanged over it', "transports.sftpMailbox.users[1].username: 'minimal' is listed twice"],
    ],
    [
      'a remote SFTP server without a key or password, and a move without a folder',
      (p) => {
        p.transports = {
          sftpRemote: {
            host: 'sftp.example',
            port: 22,
            username: 'x',
            hostKey: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
            poll: { path: '/out', intervalSeconds: 60, pattern: '*', afterPickup: { action: 'move' } },
          },
        };
      },
      ['transports.sftpRemote: needs keyRef or passwordRef: without either we cannot log in', 'transports.sftpRemote.poll.afterPickup.moveTo: is required with action move: the folder the files are moved to'],
    ],
    [
      'a mailbox login with neither a key nor a password, beside one with a password only',
      (p) => {
        p.transports = {
          sftpMailbox: {
            users: [{ username: 'nokey' }, { username: 'password-only', passwordHash: 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=' }],
          },
        };
      },
      ['transports.sftpMailbox.users[0]: needs publicKeys, a passwordHash or both: with neither, nobody can log in with it'],
    ],
    ['no Odoo contact', (p) => delete p.odoo.partnerRef, ["odoo: needs partnerId or partnerRef to find the partner's res.partner record"]],
    ['two Odoo contacts', (p) => (p.odoo.partnerId = 42), ['odoo.partnerRef: cannot be given with partnerId: keep one, so that they cannot name different records']],
  ];

  it.each(cases)('refuses %s', (_name, change, expected) => {
    expect(problemsAfter(change)).toEqual(expected);
  });
});

describe('delimitersFor', () => {
  it("gives the standard's usual delimiters where the profile gives none", () => {
    const profile = minimal();
    expect(delimitersFor(profile)).toEqual({ standard: 'X12', delimiters: { element: '*', component: '>', repetition: '^', segment: '~' } });
    expect(delimitersFor({ ...profile, version: '004010' }).delimiters).toEqual({ element: '*', component: '>', repetition: undefined, segment: '~' });
    expect(delimitersFor({ standard: 'EDIFACT', version: 'D96A', delimiters: undefined })).toEqual({
      standard: 'EDIFACT',
      delimiters: { component: ':', element: '+', decimal: '.', release: '?', repetition: undefined, segment: "'" },
    });
  });

  it('takes the ones the profile gives', () => {
    expect(delimitersFor({ ...minimal(), delimiters: { component: ':', segment: '\n' } }).delimiters).toEqual({ element: '*', component: ':', repetition: '^', segment: '\n' });
  });
});
