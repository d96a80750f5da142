import os from 'node:os';
import path from 'node:path';
import type { SampleReport } from '../../../partners/test-sample.js';
import { testPartnerSample } from '../../partners/sample-tests.js';
import type { Command } from '../command.js';
import { readWholeFile } from '../edi-file.js';
import { withStore } from '../with-store.js';
import { versionNumber } from './partner-show.js';

export const partnerTestCommand: Command = {
  name: 'partner test',
  summary: "Dry-run a sample file through a partner's profile: envelope ids, validation with its guide, translation. Exit 0 passed, 1 not.",
  positionals: ['PARTNER', 'FILE'],
  options: { version: { type: 'string' }, json: { type: 'boolean', default: false }, by: { type: 'string' } },
  optionHelp: {
    version: 'test against this version of the profile (default: the current one)',
    json: 'print the report as one JSON object',
    by: 'who ran the test, for the partner history (default: the user running the command)',
  },
  async run({ args, options, loadConfig, stdout }) {
    const [partner, file] = args as [string, string];
    const bytes = await readWholeFile(file);
    const version = options.version === undefined ? undefined : versionNumber(options.version);
    const testedBy = typeof options.by === 'string' ? options.by : os.userInfo().username;
    const test = await withStore(loadConfig().config, (pool) => testPartnerSample(pool, { partner, ...(version === undefined ? {} : { version }), fileName: path.basename(file), bytes, testedBy }));
    stdout.write(options.json ? `${JSON.stringify({ partner, version: test.version, file: test.fileName, ...test.report })}\n` : describeReport(`${partner} (profile version ${test.version}): ${test.fileName}`, test.report));
    return test.report.passed ? 0 : 1;
  },
};

/** The report in words, then the canonical JSON of what translated. */
function describeReport(title: string, report: SampleReport): string {
  const lines = [`${title}: ${report.passed ? 'PASSED' : 'FAILED'}`];
  for (const finding of report.findings) lines.push(`  ${finding.where ? `${finding.where}: ` : ''}${finding.message}`);
  for (const document of report.documents) {
    const name = `${document.message} ${document.controlNumber}${document.document ? ` (${document.document})` : ''}`;
    lines.push(document.findings.length === 0 ? `  ${name}: translated` : `  ${name}: ${document.findings.length} problem${document.findings.length === 1 ? '' : 's'}`);
    for (const finding of document.findings) lines.push(`    ${finding.where}: ${finding.message}`);
  }
  const translated = report.documents.flatMap((document) => (document.canonical ? [document.canonical] : []));
  return `${lines.join('\n')}\n${translated.length > 0 ? `\n${JSON.stringify(translated, null, 2)}\n` : ''}`;
}
