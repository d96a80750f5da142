import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

// The dashboard's Handlebars views (templates/views/): a page is rendered into the layout. Values are
// HTML-escaped by {{ }}: partner names, file names and causes are data, never markup. The one triple-stash
// is the layout's {{{body}}}, which is a page these same templates rendered.

export const VIEWS_DIR = new URL('../../../templates/views/', import.meta.url);

export interface Views {
  /** The page's template rendered with `model`, inside the layout rendered with `layout`. */
  render(page: string, model: object, layout: object): string;
}

export function loadViews(dir: URL = VIEWS_DIR): Views {
  // Its own instance: helpers and partials registered here are seen by these templates only.
  const handlebars = Handlebars.create();
  const partials = new URL('partials/', dir);
  for (const file of fs.readdirSync(partials).filter((name) => name.endsWith('.hbs'))) {
    handlebars.registerPartial(path.basename(file, '.hbs'), fs.readFileSync(new URL(file, partials), 'utf8'));
  }
  const compile = (file: string) => handlebars.compile(fs.readFileSync(new URL(file, dir), 'utf8'));
  const pages = new Map(
    fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.hbs') && name !== 'layout.hbs')
      .map((name) => [path.basename(name, '.hbs'), compile(name)] as const),
  );
  const layout = compile('layout.hbs');
  return {
    render(page, model, layoutModel) {
      const template = pages.get(page);
      if (!template) throw new RangeError(`There is no dashboard view "${page}" in ${dir.pathname}.`);
      return layout({ ...layoutModel, body: template(model) });
    },
  };
}
