import { describe, expect, it } from '@jest/globals';
import { identifyStandard } from '../../translators/identify-standard.js';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('identifyStandard', () => {
  it.each([
    ['X12', 'ISA*00*          *00*', 'X12', 0],
    ['EDIFACT with service string advice', "UNA:+.? 'UNB+UNOC:3", 'EDIFACT', 0],
    ['EDIFACT without UNA', "UNB+UNOA:1+SENDER", 'EDIFACT', 0],
    ['a byte order mark first', '\u00ef\u00bb\u00bfISA*00', 'X12', 3],
    ['leading white space and line breaks', ' \r\n\tUNB+UNOC:3', 'EDIFACT', 4],
  ])('recognises %s', (_label, text, standard, offset) => {
    expect(identifyStandard(bytes(text))).toEqual({ standard, offset });
  });

  it('rejects an empty file', () => {
    expect(identifyStandard(Buffer.alloc(0))).toMatchObject({ standard: null, code: 'FILE_EMPTY', reason: 'The file is empty.' });
  });

  it('rejects a file of white space', () => {
    expect(identifyStandard(bytes(' \n\n'))).toMatchObject({ standard: null, code: 'FILE_EMPTY', reason: 'The file holds only white space.' });
  });

  it('says what the file starts with and where', () => {
    expect(identifyStandard(bytes('\nGS*PO*SENDER*RECEIVER'))).toMatchObject({
      standard: null,
      code: 'FILE_NOT_EDI',
      reason: 'The file starts with "GS*PO*SENDER" at byte 2; X12 starts with ISA and EDIFACT with UNA or UNB.',
    });
  });

  it('shows binary content as bytes', () => {
    const result = identifyStandard(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    expect(result).toMatchObject({ code: 'FILE_NOT_EDI' });
    expect(result.standard === null && result.reason).toContain('bytes 50 4b 03 04 (not text)');
  });

  it('does not take a near miss for EDI', () => {
    expect(identifyStandard(bytes('IS A*00'))).toMatchObject({ code: 'FILE_NOT_EDI' });
    expect(identifyStandard(bytes('unb+UNOA'))).toMatchObject({ code: 'FILE_NOT_EDI' });
  });
});
