import fs from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Kind, Type, type TSchema } from '@sinclair/typebox';
import YAML from 'yaml';
import { parseProfile } from '../../partners/parse-profile.js';
import { PartnerProfileSchema, type PartnerProfile } from '../../partners/schema/profile.js';
import { applyOverlay } from '../../translators/guide-overlay.js';

/** test/fixtures/partners/minimal.yaml with its order document's guide overlay replaced, as read from YAML. */
function withGuide(guide: unknown): unknown {
  const profile = YAML.parse(fs.readFileSync('test/fixtures/partners/minimal.yaml', 'utf8'), { schema: 'failsafe' }) as PartnerProfile;
  return { ...profile, documents: [{ ...profile.documents[0], guide }] };
}

/** Every field of the schema by its path (`[]` for a list's items, `*` for a table's entries), and whether it is described. */
function fieldsOf(schema: TSchema, path: string): { path: string; described: boolean }[] {
  switch (schema[Kind]) {
    case 'Object':
      return Object.entries(schema.properties as Record<string, TSchema>).flatMap(([key, field]) => [
        { path: `${path}.${key}`, described: typeof field.description === 'string' && field.description.length > 10 },
        ...fieldsOf(field, `${path}.${key}`),
      ]);
    case 'Array':
      return fieldsOf(schema.items as TSchema, `${path}[]`);
    case 'Record':
      return Object.values(schema.patternProperties as Record<string, TSchema>).flatMap((entry) => fieldsOf(entry, `${path}.*`));
    default:
      return [];
  }
}

describe('the partner profile schema', () => {
  const fields = fieldsOf(PartnerProfileSchema, 'profile');

  it('describes every field for the onboarding team', () => {
    expect(PartnerProfileSchema.description).toBeTruthy();
    expect(fields.filter((field) => !field.described).map((field) => field.path)).toEqual([]);
  });

  it('would notice a field without one', () => {
    const schema = Type.Object({ described: Type.String({ description: 'A field with a description.' }), bare: Type.Array(Type.Object({ inner: Type.String() })) });
    expect(fieldsOf(schema, 'x').filter((field) => !field.described).map((field) => field.path)).toEqual(['x.bare', 'x.bare[].inner']);
  });

  it('reaches the fields deep inside lists and tables', () => {
    const paths = fields.map((field) => field.path);
    expect(paths).toContain('profile.documents[].guide.elements.*.codes');
    expect(paths).toContain('profile.transports.sftpMailbox.users[].publicKeys');
    expect(paths).toContain('profile.identities.ours.edifact.unbQualifier');
    expect(paths.length).toBeGreaterThan(80);
  });

  it('is a JSON Schema that carries the descriptions', () => {
    const json = JSON.parse(JSON.stringify(PartnerProfileSchema)) as { type: string; additionalProperties: boolean; required: string[] };
    expect(json).toMatchObject({ type: 'object', additionalProperties: false });
    expect(json.required).toEqual(['id', 'name', 'usage', 'standard', 'version', 'identities', 'documents', 'acknowledgments', 'odoo']);
  });
});

describe('the guide overlay of a document', () => {
  it('goes to applyOverlay as it is', () => {
    const parsed = parseProfile(withGuide({ segments: { 'PO1/PID': { max: '1' } }, elements: { BEG05: { requirement: 'M' } } }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const overlay = applyOverlay(parsed.profile.documents[0]?.guide ?? {}, '850');
    expect(overlay.slot('segments', 'PO1/PID', { requirement: 'O', max: 1000 })).toEqual({ requirement: 'O', max: 1, notUsed: false });
  });

  it('refuses what translators/guide-overlay.ts does not know, naming the element', () => {
    const parsed = parseProfile(withGuide({ elements: { 'PO1/PO103': { requirement: 'O', maximum: '2' } } }));
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      { path: ['documents', 0, 'guide', 'elements', 'PO1/PO103', 'maximum'], reason: 'is not a field here; the fields here are requirement, notUsed, min, max, codes' },
      { path: ['documents', 0, 'guide', 'elements', 'PO1/PO103', 'requirement'], reason: "must be 'M', got 'O'" },
    ]);
  });
});
