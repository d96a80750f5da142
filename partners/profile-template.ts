import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { parse as parseYaml } from 'yaml';
import type { PathSegment } from './profile-problem.js';

// Onboarding templates (templates/partners/<name>.yaml.hbs): a partner's profile as YAML with {{variables}},
// opened by a comment that says what the template is for and what each variable means. Every value is
// written into the YAML as a quoted string, so nothing typed into a variable can change the profile's shape;
// the schema then decides what the values must be.

export const TEMPLATES_DIR = new URL('../templates/partners/', import.meta.url);

export interface TemplateVariable {
  readonly name: string;
  readonly description: string;
  readonly example: string;
  /** Used when no value is given; a variable without one must be given. */
  readonly default?: string;
}

export interface ProfileTemplate {
  readonly name: string;
  readonly summary: string;
  readonly variables: readonly TemplateVariable[];
  readonly source: string;
}

export interface TemplateProblem {
  /** The variable the problem is about; undefined for the template as a whole. */
  readonly variable: string | undefined;
  readonly reason: string;
}

export type RenderedTemplate =
  | {
      readonly ok: true;
      /** The partner's layer of the profile, as the template wrote it. */
      readonly layer: Record<string, unknown>;
      readonly yaml: string;
      /** Where in the profile each variable's value went, so a refusal can name the variable. */
      readonly placed: ReadonlyMap<string, string>;
    }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

const HEADER = /^\{\{!--\n([\s\S]*?)\n--\}\}\n/;

export function listTemplates(dir: URL = TEMPLATES_DIR): ProfileTemplate[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml.hbs'))
    .sort()
    .map((file) => readTemplate(file.slice(0, -'.yaml.hbs'.length), dir));
}

/** The template of that name; throws naming the templates there are when there is none. */
export function readTemplate(name: string, dir: URL = TEMPLATES_DIR): ProfileTemplate {
  const file = new URL(`${name}.yaml.hbs`, dir);
  if (!/^[a-z0-9-]+$/.test(name) || !fs.existsSync(file)) {
    const known = fs
      .readdirSync(dir)
      .filter((entry) => entry.endsWith('.yaml.hbs'))
      .map((entry) => entry.slice(0, -'.yaml.hbs'.length));
    throw new RangeError(`There is no partner template "${name}"; the templates are: ${known.join(', ')}.`);
  }
  const source = fs.readFileSync(file, 'utf8');
  const header = HEADER.exec(source);
  if (!header) throw new SyntaxError(`${path.basename(file.pathname)} must open with a {{!-- ... --}} comment that describes it and its variables.`);
  const described = parseYaml(header[1] as string) as { summary: string; variables: Record<string, Omit<TemplateVariable, 'name'>> };
  const variables = Object.entries(described.variables).map(([variable, about]) => ({
    name: variable,
    description: about.description,
    example: String(about.example),
    ...(about.default === undefined ? {} : { default: String(about.default) }),
  }));
  return { name, summary: described.summary, variables, source };
}

/** The template with these values; every variable unknown to it, or missing, is a problem. */
export function renderTemplate(template: ProfileTemplate, values: Readonly<Record<string, string>>): RenderedTemplate {
  const known = new Set(template.variables.map((variable) => variable.name));
  const problems: TemplateProblem[] = [];
  for (const name of Object.keys(values)) {
    if (!known.has(name)) problems.push({ variable: name, reason: `is not a variable of template ${template.name}; its variables are ${[...known].join(', ')}` });
  }
  const filled: Record<string, string> = {};
  for (const variable of template.variables) {
    const value = values[variable.name] ?? variable.default;
    if (value === undefined) problems.push({ variable: variable.name, reason: `is required: ${variable.description} (for example ${variable.example})` });
    else filled[variable.name] = value;
  }
  if (problems.length > 0) return { ok: false, problems };

  const render = Handlebars.compile(template.source, { noEscape: true, strict: true });
  const quoted = (value: string) => JSON.stringify(value);
  const yaml = render(Object.fromEntries(Object.entries(filled).map(([name, value]) => [name, quoted(value)])));
  const layer = parseYaml(yaml, { schema: 'failsafe' }) as Record<string, unknown>;
  // Rendered once more with a marker for each value: where a marker lands is where that variable went.
  const marked: unknown = parseYaml(render(Object.fromEntries(template.variables.map((variable) => [variable.name, quoted(marker(variable.name))]))), { schema: 'failsafe' });
  return { ok: true, layer, yaml, placed: placements(marked) };
}

/** The variable whose value is at this place in the profile, if one is. */
export function variableAt(placed: ReadonlyMap<string, string>, profilePath: readonly PathSegment[]): string | undefined {
  return placed.get(profilePath.join('\u0000'));
}

function marker(name: string): string {
  return `\u0001${name}\u0001`;
}

function placements(value: unknown, at: readonly PathSegment[] = [], found = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') {
    const match = /^\u0001(.+)\u0001$/.exec(value);
    if (match) found.set(at.join('\u0000'), match[1] as string);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => placements(item, [...at, index], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) placements(item, [...at, key], found);
  }
  return found;
}
