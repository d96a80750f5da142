import { isTimeZone } from '../translators/date-time.js';
import { delimitersFor } from './delimiters.js';
import type { PathSegment, ProfileProblem } from './profile-problem.js';
import { MESSAGES } from './schema/documents.js';
import { STANDARD_VERSIONS, type PartnerProfile } from './schema/profile.js';

// What the schema cannot say field by field: that the fields of a profile agree with each other. Run on a
// profile that already has the schema's shape.

export function ruleProblems(profile: PartnerProfile): ProfileProblem[] {
  return [
    ...standardProblems(profile),
    ...delimiterProblems(profile),
    ...documentProblems(profile),
    ...acknowledgmentProblems(profile),
    ...transportProblems(profile),
    ...odooProblems(profile),
  ];
}

const problem = (path: readonly PathSegment[], reason: string): ProfileProblem => ({ path, reason });

function standardProblems({ standard, version, identities }: PartnerProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const versions: readonly string[] = STANDARD_VERSIONS[standard];
  if (!versions.includes(version)) {
    problems.push(problem(['version'], `must be ${versions.map((known) => `'${known}'`).join(' or ')} for an ${standard} partner, got '${version}'`));
  }
  const key = standard === 'X12' ? 'x12' : 'edifact';
  if (!identities.partner[key]) problems.push(problem(['identities', 'partner', key], `is required for an ${standard} partner`));
  if (!identities.ours[key]) problems.push(problem(['identities', 'ours', key], `is required for an ${standard} partner (usually given once, in the defaults file)`));
  return problems;
}

const SEPARATORS = ['element', 'component', 'repetition', 'segment', 'release'] as const;

function delimiterProblems(profile: PartnerProfile): ProfileProblem[] {
  const given = profile.delimiters ?? {};
  const problems: ProfileProblem[] = [];
  if (profile.standard === 'X12') {
    for (const name of ['decimal', 'release'] as const) {
      if (given[name] !== undefined) problems.push(problem(['delimiters', name], 'is for EDIFACT only: X12 has no decimal mark or release character'));
    }
    if (given.repetition !== undefined && profile.version === '004010') {
      problems.push(problem(['delimiters', 'repetition'], 'is for 005010 only: in 004010 ISA11 is the standards identifier U'));
    }
  }
  // The decimal mark is data, not a separator; every other delimiter must be told apart from the rest.
  const effective: Partial<Record<(typeof SEPARATORS)[number], string>> = delimitersFor(profile).delimiters;
  const seen = new Map<string, (typeof SEPARATORS)[number]>();
  for (const name of SEPARATORS) {
    const value = effective[name];
    if (value === undefined) continue;
    const clash = seen.get(value);
    if (clash === undefined) seen.set(value, name);
    else problems.push(problem(['delimiters', given[name] !== undefined ? name : clash], `'${value}' is given for both ${clash} and ${name}`));
  }
  return problems;
}

function documentProblems({ standard, documents }: PartnerProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const first = new Map<string, number>();
  for (const [index, entry] of documents.entries()) {
    const at = (...path: PathSegment[]) => ['documents', index, ...path];
    const message = MESSAGES[entry.document][standard];
    if (entry.message !== message) problems.push(problem(at('message'), `must be '${message}' for ${entry.document} in ${standard}, got '${entry.message}'`));

    const key = `${entry.document} ${entry.direction}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else problems.push(problem(at(), `lists ${entry.document} ${entry.direction} again (first at documents[${earlier}])`));

    const formats = entry.dateFormats;
    if (formats?.date === 'YYMMDD' && standard === 'X12') {
      problems.push(problem(at('dateFormats', 'date'), 'YYMMDD is for EDIFACT only: X12 004010 and 005010 write dates as CCYYMMDD'));
    }
    if (formats?.timeZone !== undefined && !isTimeZone(formats.timeZone)) {
      problems.push(problem(at('dateFormats', 'timeZone'), `'${formats.timeZone}' is not a time zone name like America/Chicago or UTC`));
    }

    // Outbound the table is read from our value back to the partner's code, so each value may stand once.
    if (entry.direction === 'out') {
      for (const [element, codes] of Object.entries(entry.codeValues ?? {})) {
        const byValue = new Map<string, string>();
        for (const [code, value] of Object.entries(codes)) {
          const other = byValue.get(value);
          if (other !== undefined) problems.push(problem(at('codeValues', element, code), `gives '${value}' as ${other} does: outbound the gateway could not tell which code to send`));
          else byValue.set(value, code);
        }
      }
    }
  }
  return problems;
}

function acknowledgmentProblems({ acknowledgments: { expect } }: PartnerProfile): ProfileProblem[] {
  if (expect.whenOverdue === 'alert' || expect.maxResubmissions !== undefined) return [];
  return [problem(['acknowledgments', 'expect', 'maxResubmissions'], `is required when whenOverdue is ${expect.whenOverdue}`)];
}

function transportProblems({ transports }: PartnerProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const remote = transports?.sftpRemote;
  if (remote && !remote.poll && !remote.push) {
    problems.push(problem(['transports', 'sftpRemote'], 'needs poll, push or both: with neither, nothing is exchanged over it'));
  }
  if (remote && remote.keyRef === undefined && remote.passwordRef === undefined) {
    problems.push(problem(['transports', 'sftpRemote'], 'needs keyRef or passwordRef: without either we cannot log in'));
  }
  const afterPickup = remote?.poll?.afterPickup;
  if (afterPickup?.action === 'move' && afterPickup.moveTo === undefined) {
    problems.push(problem(['transports', 'sftpRemote', 'poll', 'afterPickup', 'moveTo'], 'is required with action move: the folder the files are moved to'));
  }
  if (afterPickup?.action === 'delete' && afterPickup.moveTo !== undefined) {
    problems.push(problem(['transports', 'sftpRemote', 'poll', 'afterPickup', 'moveTo'], 'is only for action move; with delete the files are removed'));
  }
  const seen = new Set<string>();
  for (const [index, user] of (transports?.sftpMailbox?.users ?? []).entries()) {
    if (seen.has(user.username)) problems.push(problem(['transports', 'sftpMailbox', 'users', index, 'username'], `'${user.username}' is listed twice`));
    seen.add(user.username);
    if (user.publicKeys === undefined && user.passwordHash === undefined) {
      problems.push(problem(['transports', 'sftpMailbox', 'users', index], 'needs publicKeys, a passwordHash or both: with neither, nobody can log in with it'));
    }
  }
  return problems;
}

function odooProblems({ odoo }: PartnerProfile): ProfileProblem[] {
  if (odoo.partnerId === undefined && odoo.partnerRef === undefined) {
    return [problem(['odoo'], "needs partnerId or partnerRef to find the partner's res.partner record")];
  }
  if (odoo.partnerId !== undefined && odoo.partnerRef !== undefined) {
    return [problem(['odoo', 'partnerRef'], 'cannot be given with partnerId: keep one, so that they cannot name different records')];
  }
  return [];
}
