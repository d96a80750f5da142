import { describe, expect, it } from '@jest/globals';
import { readYamlFile } from '../../partners/yaml-file.js';
import { profileFromTemplate } from '../../partners/profile-from-template.js';
import { listTemplates, readTemplate, renderTemplate } from '../../partners/profile-template.js';

const defaultsFile = readYamlFile('test/fixtures/partners/defaults.yaml');
if (!defaultsFile.ok) throw new Error('test/fixtures/partners/defaults.yaml must read');
const defaults = defaultsFile.yaml.value;

/** Every variable at its documented example. */
function examples(name: string): Record<string, string> {
  return Object.fromEntries(readTemplate(name).variables.map((variable) => [variable.name, variable.example]));
}

describe('partner templates', () => {
  it('are the five the onboarding team starts from, each described with its variables', () => {
    const templates = listTemplates();
    expect(templates.map((template) => template.name)).toEqual(['carrier-x12-214', 'retailer-edifact-d96a', 'retailer-x12-4010', 'retailer-x12-5010', 'supplier-x12-4010']);
    for (const template of templates) {
      expect(template.summary.length).toBeGreaterThan(40);
      for (const variable of template.variables) {
        expect(variable.description.length).toBeGreaterThan(10);
        expect(variable.example).not.toBe('');
      }
      // Every variable the template body uses is described, and every one described is used.
      const used = new Set([...template.source.replace(/^\{\{!--[\s\S]*?--\}\}/, '').matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]));
      expect([...used].sort()).toEqual(template.variables.map((variable) => variable.name).sort());
    }
  });

  it.each(listTemplates().map((template) => template.name))('%s with its examples makes a valid profile', (name) => {
    const made = profileFromTemplate(readTemplate(name), examples(name), defaults);
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    expect(made.profile.usage).toBe('test');
    expect(made.profile.documents.length).toBeGreaterThan(0);
  });

  it('makes the documents, versions and acknowledgments each template promises', () => {
    const make = (name: string) => {
      const made = profileFromTemplate(readTemplate(name), examples(name), defaults);
      if (!made.ok) throw new Error(JSON.stringify(made.problems));
      return made.profile;
    };
    const documents = (name: string) => make(name).documents.map((entry) => `${entry.message} ${entry.direction}`);
    expect(documents('retailer-x12-4010')).toEqual(['850 in', '856 out', '810 out']);
    expect(make('retailer-x12-5010')).toMatchObject({ version: '005010', acknowledgments: { send: { functionalAck: '999' } } });
    expect(documents('retailer-edifact-d96a')).toEqual(['ORDERS in', 'DESADV out', 'INVOIC out']);
    expect(documents('carrier-x12-214')).toEqual(['214 in']);
    expect(documents('supplier-x12-4010')).toEqual(['850 out', '856 in', '810 in']);
    expect(make('retailer-x12-4010').identities.ours.x12).toEqual({ isaQualifier: '01', isaId: '123456789', gsId: 'THREEPL' });
  });

  it('writes a value as a quoted string, so what is typed cannot change the profile', () => {
    const rendered = renderTemplate(readTemplate('retailer-x12-4010'), { ...examples('retailer-x12-4010'), name: 'ACME: "Retail"\nusage: production # sneaky' });
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
    expect(rendered.layer.name).toBe('ACME: "Retail"\nusage: production # sneaky');
    expect(rendered.layer.usage).toBe('test');
  });

  it('names the variable whose value the schema refuses, with the field and the reason', () => {
    const made = profileFromTemplate(readTemplate('retailer-x12-4010'), { ...examples('retailer-x12-4010'), isaId: 'A-VERY-LONG-ISA-ID', ackHours: 'soon' }, defaults);
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.problems).toEqual([
      expect.objectContaining({ variable: 'isaId', path: ['identities', 'partner', 'x12', 'isaId'], reason: expect.stringContaining('15') }),
      expect.objectContaining({ variable: 'ackHours', path: ['acknowledgments', 'expect', 'withinHours'], reason: expect.stringContaining("'soon'") }),
    ]);
  });

  it('refuses a missing variable with what it means, and a variable the template does not have', () => {
    const { isaId: _left, ...values } = examples('retailer-x12-4010');
    const made = profileFromTemplate(readTemplate('retailer-x12-4010'), { ...values, isaQualifer: 'ZZ' }, defaults);
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.problems).toEqual([
      { path: [], variable: 'isaQualifer', reason: expect.stringMatching(/^is not a variable of template retailer-x12-4010; its variables are id, name, isaQualifier/) },
      { path: [], variable: 'isaId', reason: "is required: ISA06, the retailer's interchange id, without the padding (for example ACMERETAIL)" },
    ]);
  });

  it('says which templates there are when asked for one that is not', () => {
    expect(() => readTemplate('retailer-x12-3040')).toThrow('There is no partner template "retailer-x12-3040"; the templates are: carrier-x12-214, retailer-edifact-d96a');
  });
});
