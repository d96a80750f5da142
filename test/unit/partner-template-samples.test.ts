import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { profileFromTemplate } from '../../partners/profile-from-template.js';
import { readTemplate } from '../../partners/profile-template.js';
import { renderDocument } from '../../partners/render-document.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { testSample } from '../../partners/test-sample.js';
import { readYamlFile } from '../../partners/yaml-file.js';
import { parseCanonical } from '../../translators/canonical/index.js';
import { createMemoryAllocator } from '../../translators/control-numbers.js';

// Every template's sample files, side by side with what they must become: test/fixtures/templates/<template>/
// holds what the partner sends (NAME.x12 or NAME.edi, translated to NAME.json) and what we send it
// (out-NAME.json, rendered to out-NAME.x12 or out-NAME.edi), for a partner made from the template's examples.
// Each is derived from a map fixture of a permissive or our own origin; test/fixtures/templates/SOURCES.tsv says which.

const FIXTURES = 'test/fixtures/templates';
const defaults = readYamlFile('test/fixtures/partners/defaults.yaml');

function partnerFrom(template: string): PartnerProfile {
  if (!defaults.ok) throw new Error(defaults.problem.reason);
  const read = readTemplate(template);
  const made = profileFromTemplate(read, Object.fromEntries(read.variables.map((variable) => [variable.name, variable.example])), defaults.yaml.value);
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  return made.profile;
}

const templates = fs.readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const samples = templates.flatMap((template) =>
  fs
    .readdirSync(path.join(FIXTURES, template))
    .filter((file) => /\.(x12|edi)$/.test(file))
    .map((file) => ({ template, file, outbound: file.startsWith('out-') })),
);

describe('template samples', () => {
  it('cover every template, in and out', () => {
    expect(new Set(samples.map((sample) => sample.template))).toEqual(new Set(['carrier-x12-214', 'retailer-edifact-d96a', 'retailer-x12-4010', 'retailer-x12-5010', 'supplier-x12-4010']));
    for (const template of ['retailer-x12-4010', 'retailer-x12-5010', 'retailer-edifact-d96a', 'supplier-x12-4010']) {
      expect(samples.filter((sample) => sample.template === template).map((sample) => sample.outbound)).toEqual(expect.arrayContaining([true, false]));
    }
  });

  it.each(samples.filter((sample) => !sample.outbound).map((sample) => [`${sample.template}/${sample.file}`, sample] as const))('%s translates to its JSON', (_name, { template, file }) => {
    const report = testSample(partnerFrom(template), fs.readFileSync(path.join(FIXTURES, template, file)));
    expect(report.findings).toEqual([]);
    expect(report.documents.map((document) => document.findings)).toEqual(report.documents.map(() => []));
    expect(report.passed).toBe(true);
    const expected: unknown = JSON.parse(fs.readFileSync(path.join(FIXTURES, template, file.replace(/\.(x12|edi)$/, '.json')), 'utf8'));
    expect(report.documents.map((document) => document.canonical)).toEqual(expected);
    for (const document of report.documents) expect(parseCanonical(document.canonical).ok).toBe(true);
  });

  it.each(samples.filter((sample) => sample.outbound).map((sample) => [`${sample.template}/${sample.file}`, sample] as const))('%s is what its JSON renders to', async (_name, { template, file }) => {
    const parsed = parseCanonical(JSON.parse(fs.readFileSync(path.join(FIXTURES, template, file.replace(/\.(x12|edi)$/, '.json')), 'utf8')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const rendered = await renderDocument(partnerFrom(template), parsed.document, { allocator: createMemoryAllocator(), now: new Date('2025-03-06T12:00:00Z') });
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
    expect(rendered.value.bytes.toString('latin1')).toBe(fs.readFileSync(path.join(FIXTURES, template, file), 'latin1'));
  });
});

describe('a sample file that is not right for the partner', () => {
  const retailer = partnerFrom('retailer-x12-4010');
  const sample = fs.readFileSync(path.join(FIXTURES, 'retailer-x12-4010/850-004010-full.x12'), 'latin1');

  it("says whose file it is when the sender is not the partner's id", () => {
    const report = testSample(retailer, Buffer.from(sample.replace('ZZ*ACMERETAIL     ', 'ZZ*SOMEONEELSE    '), 'latin1'));
    expect(report.passed).toBe(false);
    expect(report.findings).toContainEqual({ where: 'interchange 000000101', message: expect.stringMatching(/^The sender is ZZ\/SOMEONEELSE, but acme sends as ZZ\/ACMERETAIL/) });
  });

  it('names a document the partner does not send us, and what validation and translation found, with where', () => {
    const invoice = fs.readFileSync(path.join(FIXTURES, 'supplier-x12-4010/810-004010-full.x12'), 'latin1').replace('WIDGETCO  ', 'ACMERETAIL').replace('GS*IN*WIDGETCO', 'GS*IN*ACMERETAIL');
    const report = testSample(retailer, Buffer.from(invoice, 'latin1'));
    expect(report.passed).toBe(false);
    expect(report.documents[0]?.findings).toContainEqual({ where: '810 0001', message: "acme's profile does not say it sends us 810 (invoice); add it to its documents with direction in." });

    const broken = testSample(retailer, Buffer.from(sample.replace('BEG*05*SA*PO-4711*', 'BEG*05*SA**'), 'latin1'));
    expect(broken.passed).toBe(false);
    expect(broken.documents[0]?.findings[0]).toEqual({ where: expect.stringMatching(/^850 0001, segment 2/), message: expect.stringContaining('BEG03') });
    expect(broken.documents[0]?.canonical).toBeUndefined();
  });

  it('says what the file is when it is not EDI at all', () => {
    expect(testSample(retailer, Buffer.from('hello'))).toEqual({ passed: false, findings: [{ where: '', message: 'The file starts with "hello" at byte 1; X12 starts with ISA and EDIFACT with UNA or UNB.' }], documents: [] });
  });
});
