// One measurement of the EDIFACT engine or an npm EDIFACT parser: node --import tsx measure.ts MODE FILE
import fs from 'node:fs';
import { CHUNK_BYTES, readClean, runMode, scan } from '../measure-mode.js';

/**
 * The file as text through one of the libraries' parsers, which parse strings (UNOC is ISO 8859-1, one
 * character per byte) and count through the hooks set on them.
 */
async function parseText(file: string, parser: { write(chunk: string): void; end(): void }): Promise<void> {
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK_BYTES, encoding: 'latin1' }) as AsyncIterable<string>) parser.write(chunk);
  parser.end();
}

await runMode({
  scan: scan(0x27),
  async reader(file) {
    const { createEdifactReader } = await import('../../translators/edifact/envelope-reader.js');
    return () => readClean(file, 'reading', ({ counted, diagnostic }) => createEdifactReader({ message: counted, diagnostic }));
  },
  // Parse and validate: every message checked against the D96A DESADV definition, as the gateway does.
  async validate(file) {
    const { createEdifactValidatingReader } = await import('../../translators/edifact/validating-reader.js');
    return () => readClean(file, 'validating', ({ counted, diagnostic }) => createEdifactValidatingReader({ message: counted, diagnostic }));
  },
  // Validation off for both libraries: they validate in their Reader, which holds every segment of the file.
  async edifact(file) {
    const { default: Parser } = await import('edifact/parser.js');
    return async () => {
      const counted = { count: 0, elements: 0 };
      const parser = new Parser();
      // Callbacks set on the parser itself rather than events, as its README advises where speed matters.
      parser.onopensegment = () => void (counted.count += 1);
      parser.onelement = () => void (counted.elements += 1);
      parser.oncomponent = () => undefined;
      parser.onclosesegment = () => undefined;
      // The file's UNB says UNOC; the parser reads UNOA until told.
      parser.encoding('UNOC');
      await parseText(file, parser);
      return counted;
    };
  },
  async 'ts-edifact'(file) {
    // The package's entry point requires htmlparser2, which it does not depend on: its parser is loaded on its own.
    const [{ Parser }, { Configuration }, { NullValidator }] = await Promise.all([import('ts-edifact/lib/parser.js'), import('ts-edifact/lib/configuration.js'), import('ts-edifact/lib/validator.js')]);
    return async () => {
      const counted = { count: 0, elements: 0 };
      // A configuration given no validator takes the library's validating one.
      const parser = new Parser(new Configuration({ validator: new NullValidator() }));
      parser.onOpenSegment = () => void (counted.count += 1);
      parser.onElement = () => void (counted.elements += 1);
      parser.onComponent = () => undefined;
      parser.onCloseSegment = () => undefined;
      parser.updateCharset('UNOC');
      await parseText(file, parser);
      return counted;
    };
  },
});
