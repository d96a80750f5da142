import fs from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import YAML from 'yaml';
import { loadYamlProfile } from '../../partners/load-yaml-profile.js';
import { mapOptionsFor } from '../../partners/map-options-for.js';
import { parseProfile } from '../../partners/parse-profile.js';
import { profileFromTemplate } from '../../partners/profile-from-template.js';
import { readTemplate } from '../../partners/profile-template.js';
import { renderDocument } from '../../partners/render-document.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { testSample } from '../../partners/test-sample.js';
import { readYamlFile } from '../../partners/yaml-file.js';
import { parseCanonical, type Order } from '../../translators/canonical/index.js';
import { createMemoryAllocator } from '../../translators/control-numbers.js';

// A profile's dateFormats from the profile to the EDI: in the map options, in a sample dry run and in a rendered document.

/** The profile as parsed, its defaults filled in, or the problems thrown. */
function parsed(profile: unknown): PartnerProfile {
  const result = parseProfile(profile);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.profile;
}

/** A partner made from template retailer-x12-4010's examples, its orders with the dateFormats given. */
function retailerWith(dateFormats: unknown): PartnerProfile {
  const defaults = readYamlFile('test/fixtures/partners/defaults.yaml');
  if (!defaults.ok) throw new Error(defaults.problem.reason);
  const template = readTemplate('retailer-x12-4010');
  const made = profileFromTemplate(template, Object.fromEntries(template.variables.map((variable) => [variable.name, variable.example])), defaults.yaml.value);
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  return parsed({ ...made.profile, documents: made.profile.documents.map((entry) => (entry.document === 'order' ? { ...entry, dateFormats } : entry)) });
}

describe("a profile's dateFormats", () => {
  it('reach the map options of their document, with no time zone unless the profile names one', () => {
    const minimal = YAML.parse(fs.readFileSync('test/fixtures/partners/minimal.yaml', 'utf8'), { schema: 'failsafe' }) as PartnerProfile;
    const profile = parsed({ ...minimal, documents: [minimal.documents[0], { ...minimal.documents[1], dateFormats: { time: 'HHMMSS' } }] });
    expect(mapOptionsFor(profile, 'shipNotice', 'out').dateFormats).toEqual({ date: 'CCYYMMDD', time: 'HHMMSS' });
    expect(mapOptionsFor(profile, 'order', 'in').dateFormats).toBeUndefined();
  });

  it("put a sample's times that state no zone in the partner's zone", () => {
    const report = testSample(retailerWith({ timeZone: 'America/Toronto' }), fs.readFileSync('test/fixtures/templates/retailer-x12-4010/850-004010-full.x12'));
    expect(report.passed).toBe(true);
    expect((report.documents[0]?.canonical as Order).dates).toEqual({
      ordered: { date: '2025-03-03', time: '09:15', timeZone: 'America/New_York' },
      requestedDelivery: { date: '2025-03-10', time: '08:00', timeZone: 'America/Toronto' },
      shipNotBefore: { date: '2025-03-05' },
      cancelAfter: { date: '2025-03-20', time: '17:00:00', utcOffset: '-06:00' },
    });
  });

  it("render a document's times to the second and on the partner's clock (globex: HHMMSS, Europe/Berlin)", async () => {
    const [order] = JSON.parse(fs.readFileSync('test/fixtures/maps/edifact/orders-d96a-full.json', 'utf8')) as unknown[];
    const document = parseCanonical(order);
    if (!document.ok) throw new Error(JSON.stringify(document.problems));
    const rendered = await renderDocument(loadYamlProfile({ file: 'test/fixtures/partners/globex.yaml' }), document.document, { allocator: createMemoryAllocator(), now: new Date('2025-03-06T12:00:00Z') });
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
    expect(rendered.value.text.split('\n').filter((line) => line.startsWith('DTM'))).toEqual([
      "DTM+137:20250303:102'",
      // 08:00 in no zone: nothing to convert, written to the second.
      "DTM+2:20250310080000:204'",
      "DTM+64:20250309:102'",
      "DTM+63:20250311:102'",
      // 17:00 at -06:00 is midnight in Berlin (CET), the next day; without the profile it goes as 202503201700-0600 (303).
      "DTM+61:20250321000000:204'",
    ]);
  });
});
