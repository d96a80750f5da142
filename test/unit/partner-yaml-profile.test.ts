import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadYamlProfile, type ProfileFiles } from '../../partners/load-yaml-profile.js';
import { describeProblem, ProfileError } from '../../partners/profile-error.js';

const fixtures = 'test/fixtures/partners';
const good = fs.readFileSync(path.join(fixtures, 'acme.yaml'), 'utf8');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-partners-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** acme.yaml with one change, written to a folder of its own; the change must match exactly once. */
function variant(from: string, to: string): string {
  expect(good.split(from)).toHaveLength(2);
  const file = path.join(fs.mkdtempSync(path.join(folder, 'case-')), 'acme.yaml');
  fs.writeFileSync(file, good.replace(from, to));
  return file;
}

/** Every problem, each as one line: "file:line:column path: reason". */
function problems(files: ProfileFiles): string[] {
  try {
    loadYamlProfile(files);
  } catch (error) {
    if (error instanceof ProfileError) return error.problems.map(describeProblem);
    throw error;
  }
  throw new Error(`expected ${files.file} to be refused`);
}

describe('loadYamlProfile', () => {
  it('loads a good X12 profile, keeping the zeros YAML would drop and filling in the defaults', () => {
    const profile = loadYamlProfile({ file: path.join(fixtures, 'acme.yaml') });
    expect(profile.id).toBe('acme');
    expect(profile.version).toBe('004010');
    expect(profile.identities.ours.x12).toEqual({ isaQualifier: '01', isaId: '123456789', gsId: 'THREEPL' });
    expect(profile.documents.map((entry) => [entry.document, entry.message, entry.direction])).toEqual([
      ['order', '850', 'in'],
      ['shipNotice', '856', 'out'],
      ['invoice', '810', 'out'],
    ]);
    expect(profile.documents[0]?.dateFormats).toEqual({ date: 'CCYYMMDD', time: 'HHMM', timeZone: 'America/Chicago' });
    expect(profile.documents[0]?.guide?.elements?.PO103?.codes).toEqual(['EA', 'CA']);
    expect(profile.acknowledgments).toEqual({
      send: { functionalAck: '997', ta1: 'requestedOrRejected', contrl: 'requestedOrRejected' },
      expect: { withinHours: 24, whenOverdue: 'both', maxResubmissions: 2, requestInterchangeAck: false },
    });
    expect(profile.transports?.as2).toMatchObject({ mdn: 'async', signing: 'sha256', encryption: 'aes256-cbc', signedMdn: true });
  });

  it('loads a good EDIFACT profile with a remote SFTP server', () => {
    const profile = loadYamlProfile({ file: path.join(fixtures, 'globex.yaml') });
    expect(profile.standard).toBe('EDIFACT');
    expect(profile.identities.partner.edifact).toEqual({ unbId: '4098765000002', unbQualifier: '14' });
    expect(profile.transports?.sftpRemote).toMatchObject({ port: 22, poll: { path: '/outbound', intervalSeconds: 300 }, push: { path: '/inbound' } });
  });

  it('puts a profile together from its own file, its group file and the defaults file', () => {
    const profile = loadYamlProfile({ file: path.join(fixtures, 'initech.yaml'), groupsDir: path.join(fixtures, 'groups'), defaultsFile: path.join(fixtures, 'defaults.yaml') });
    expect(profile.usage).toBe('production');
    expect(profile.version).toBe('005010');
    expect(profile.documents).toEqual([{ document: 'order', message: '850', direction: 'in', buyerItemQualifiers: ['IN'] }]);
    expect(profile.acknowledgments.expect).toEqual({ withinHours: 24, whenOverdue: 'alert', requestInterchangeAck: true });
    expect(profile.odoo).toEqual({ partnerId: 42, productMatch: 'barcode', warehouse: 'WH' });
  });

  describe('refuses a bad profile with the file, line and column, the field and the reason', () => {
    const cases: [string, string, string, string][] = [
      ['an unknown field', '    direction: in\n', '    direction: in\n    directon: out\n', `22:5 documents[0].directon: is not a field here; did you mean 'direction'?`],
      ['an unknown top-level field', 'usage: test\n', 'usage: test\ncolour: blue\n', '5:1 colour: is not a field here; the fields here are id, name, group, usage, standard, version, delimiters, identities, documents, acknowledgments, receiving, transports, odoo'],
      ['a wrong direction', '    direction: in\n', '    direction: inbound\n', `21:5 documents[0].direction: must be 'in' or 'out', got 'inbound'`],
      ['a wrong standard', 'standard: X12', 'standard: x12', `5:1 standard: must be 'X12' or 'EDIFACT', got 'x12'`],
      ['a missing ISA id', '      isaId: ACMERETAIL\n', '', '9:5 identities.partner.x12.isaId: is required; it holds: ISA06 (sender) or ISA08 (receiver): the interchange id, at most 15 characters. Write it without the trailing spaces; the gateway pads it to 15.'],
      [
        'an ISA id longer than ISA06',
        'isaId: ACMERETAIL\n',
        'isaId: ACME RETAIL STORES\n',
        "11:7 identities.partner.x12.isaId: must be at most 15 characters (ISA06/ISA08 is 15 characters with the padding), without spaces at either end, got 'ACME RETAIL STORES' (18 characters)",
      ],
      ['an ISA qualifier of one character', 'isaQualifier: ZZ', 'isaQualifier: Z', "10:7 identities.partner.x12.isaQualifier: must be exactly 2 capital letters or digits (ISA05/ISA07), like ZZ or 01, got 'Z'"],
      ['hours that are not a number', 'withinHours: 24', 'withinHours: a day', "52:5 acknowledgments.expect.withinHours: must be a whole number from 1 to 720, got 'a day'"],
      ['hours out of range', 'withinHours: 24', 'withinHours: 0', '52:5 acknowledgments.expect.withinHours: must be a whole number from 1 to 720, got 0'],
      ['a fraction of an hour', 'withinHours: 24', 'withinHours: 1.5', '52:5 acknowledgments.expect.withinHours: must be a whole number from 1 to 720, got 1.5'],
      ['a message of another document', 'message: 856', 'message: 850', "38:5 documents[1].message: must be '856' for shipNotice in X12, got '850'"],
      ['a secret in place of its name', 'ourCertificateRef: as2/threepl-key', 'ourCertificateRef: "-----BEGIN PRIVATE KEY-----"', "66:5 transports.as2.ourCertificateRef: must be the name of a secret (letters, digits, _ . : / -), not the secret itself, got '-----BEGIN PRIVATE KEY-----'"],
    ];

    it.each(cases)('%s', (_name, from, to, expected) => {
      const file = variant(from, to);
      expect(problems({ file })).toEqual([`${file}:${expected}`]);
    });
  });

  it('names every problem at once', () => {
    const file = variant('usage: test\nstandard: X12\n', 'usage: live\nstandard: X12\ncolour: blue\n');
    expect(problems({ file })).toEqual([
      `${file}:4:1 usage: must be 'test' or 'production', got 'live'`,
      `${file}:6:1 colour: is not a field here; the fields here are id, name, group, usage, standard, version, delimiters, identities, documents, acknowledgments, receiving, transports, odoo`,
    ]);
  });

  it('reports a YAML syntax error at its line', () => {
    const file = variant('    buyerItemQualifiers: [BP, IN]\n', '    buyerItemQualifiers: [BP, IN\n');
    expect(problems({ file })).toEqual([`${file}:23:5: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]`]);
  });

  it('reports a field given twice', () => {
    const file = variant('name: ACME Retail\n', 'name: ACME Retail\nname: ACME\n');
    expect(problems({ file })).toEqual([`${file}:4:1: YAML syntax: Map keys must be unique`]);
  });

  it('refuses a file that does not hold fields, or does not exist', () => {
    const list = path.join(fs.mkdtempSync(path.join(folder, 'case-')), 'list.yaml');
    fs.writeFileSync(list, '- acme\n');
    expect(problems({ file: list })).toEqual([`${list}:1:1: must hold the profile's fields, as "name: value" lines`]);
    const missing = path.join(folder, 'missing.yaml');
    expect(problems({ file: missing })).toEqual([`${missing}: there is no such file`]);
  });

  it('locates a problem in the group or defaults file that gives the value', () => {
    const groupsDir = fs.mkdtempSync(path.join(folder, 'groups-'));
    fs.writeFileSync(path.join(groupsDir, 'retailers-x12.yaml'), fs.readFileSync(path.join(fixtures, 'groups/retailers-x12.yaml'), 'utf8').replace('withinHours: 24', 'withinHours: 0'));
    const defaultsFile = path.join(groupsDir, 'defaults.yaml');
    fs.writeFileSync(defaultsFile, fs.readFileSync(path.join(fixtures, 'defaults.yaml'), 'utf8').replace('ta1: requested', 'ta1: sometimes'));
    const partnerFile = path.join(fixtures, 'initech.yaml');
    expect(problems({ file: partnerFile, groupsDir, defaultsFile })).toEqual([
      `${path.join(groupsDir, 'retailers-x12.yaml')}:17:5 acknowledgments.expect.withinHours: must be a whole number from 1 to 720, got 0`,
      `${defaultsFile}:13:5 acknowledgments.send.ta1: must be 'requested' or 'requestedOrRejected', got 'sometimes'`,
    ]);
  });

  it('says when the group a profile names has no file', () => {
    const file = path.join(fixtures, 'initech.yaml');
    const groupsDir = path.join(folder, 'no-groups');
    expect(problems({ file, groupsDir })).toEqual([`${file}:4:1 group: names group 'retailers-x12', but there is no ${path.join(groupsDir, 'retailers-x12.yaml')}`]);
    expect(problems({ file })).toEqual([`${file}:4:1 group: names group 'retailers-x12', but no folder of group files was given to find it in`]);
  });
});
