// What the codes in a partner's acknowledgment mean, in words support can act on: the X12 lists a 997 or 999
// reports with (AK304/IK304 segment errors, AK403/IK403 element errors, AK502/IK502 transaction set errors,
// AK905 group errors) and EDIFACT's 0085 syntax errors (CONTRL). The translators name the codes they write;
// these are the codes partners write to us, any of them.

export type CodeList = 'segment' | 'element' | 'set' | 'group' | 'syntax';

const SEGMENT: Readonly<Record<string, string>> = {
  '1': 'unrecognized segment',
  '2': 'unexpected segment',
  '3': 'required segment missing',
  '4': 'loop occurs more often than allowed',
  '5': 'segment used more often than allowed',
  '6': 'segment not in the defined transaction set',
  '7': 'segment out of sequence',
  '8': 'segment has data element errors',
  I4: 'segment present that the implementation guide does not use',
  I6: 'segment missing that the implementation guide requires here',
  I7: 'loop occurs fewer times than the implementation guide requires',
  I8: 'segment used fewer times than the implementation guide requires',
  I9: 'segment present that the implementation guide does not use in this case',
};

const ELEMENT: Readonly<Record<string, string>> = {
  '1': 'required data element missing',
  '2': 'conditionally required data element missing',
  '3': 'too many data elements',
  '4': 'data element too short',
  '5': 'data element too long',
  '6': 'invalid character in data element',
  '7': 'invalid code value',
  '8': 'invalid date',
  '9': 'invalid time',
  '10': 'data element present that another excludes',
  '12': 'too many repetitions',
  '13': 'too many components',
  I6: 'code value the implementation guide does not use',
  I9: 'data element missing that the implementation guide requires here',
  I10: 'data element present that the implementation guide does not use',
  I11: 'fewer repetitions than the implementation guide requires',
  I12: 'value does not match the pattern the implementation guide sets',
  I13: 'data element present that the implementation guide does not use in this case',
};

const SET: Readonly<Record<string, string>> = {
  '1': 'transaction set not supported',
  '2': 'transaction set trailer missing',
  '3': 'control numbers in the transaction set header and trailer do not match',
  '4': 'segment count in the trailer does not match the segments sent',
  '5': 'one or more segments in error',
  '6': 'missing or invalid transaction set identifier',
  '7': 'missing or invalid transaction set control number',
  '8': 'authentication key name unknown',
  '9': 'encryption key name unknown',
  '10': 'requested security service not available',
  '11': 'unknown security recipient',
  '12': 'incorrect message length',
  '13': 'message authentication code failed',
  '15': 'unknown security originator',
  '16': 'syntax error in decrypted text',
  '17': 'security not supported',
  '18': 'transaction set not in a functional group',
  '19': 'invalid implementation convention reference',
  '23': 'transaction set control number not unique within the functional group',
  '24': 'S3E security end segment missing',
  '25': 'S3S security start segment missing',
  '26': 'S4E security end segment missing',
  '27': 'S4S security start segment missing',
  I5: 'one or more segments break the implementation guide',
  I6: 'implementation convention not supported',
};

const GROUP: Readonly<Record<string, string>> = {
  '1': 'functional group not supported',
  '2': 'functional group version not supported',
  '3': 'functional group trailer missing',
  '4': 'control numbers in the group header and trailer do not agree',
  '5': 'number of transaction sets in the trailer does not match the sets sent',
  '6': 'group control number violates the syntax',
  '10': 'authentication key name unknown',
  '11': 'encryption key name unknown',
  '12': 'requested security service not available',
  '13': 'unknown security recipient',
  '14': 'unknown security originator',
  '15': 'syntax error in decrypted text',
  '16': 'security not supported',
  '17': 'incorrect message length',
  '18': 'message authentication code failed',
  '19': 'functional group control number not unique within the interchange',
  '23': 'S3E security end segment missing',
  '24': 'S3S security start segment missing',
  '25': 'S4E security end segment missing',
  '26': 'S4S security start segment missing',
};

const SYNTAX: Readonly<Record<string, string>> = {
  '2': 'syntax version or level not supported',
  '7': 'the recipient is not the actual recipient',
  '12': 'invalid value',
  '13': 'missing',
  '14': 'value not supported in this position',
  '15': 'not supported in this position',
  '16': 'too many constituents',
  '17': 'no agreement',
  '18': 'unspecified error',
  '19': 'invalid decimal notation',
  '20': 'character invalid as service character',
  '21': 'invalid characters',
  '22': 'invalid service characters',
  '23': 'unknown interchange sender',
  '24': 'too old',
  '25': 'test indicator not supported',
  '26': 'duplicate detected',
  '27': 'security function not supported',
  '28': 'references do not match',
  '29': 'control count does not match the number received',
  '30': 'functional groups and messages mixed',
  '31': 'more than one message type in the group',
  '32': 'lower level empty',
  '33': 'invalid occurrence outside a message, package or group',
  '35': 'too many repetitions',
  '36': 'too many segment group repetitions',
  '37': 'invalid type of characters',
  '38': 'missing digit before the decimal sign',
  '39': 'data element too long',
  '40': 'data element too short',
  '41': 'permanent communication network error',
  '42': 'temporary communication network error',
  '43': 'unknown interchange recipient',
  '45': 'trailing separator',
  '46': 'character set not supported',
  '47': 'envelope functionality not supported',
  '48': 'dependency notes condition violated',
};

const LISTS: Readonly<Record<CodeList, Readonly<Record<string, string>>>> = { segment: SEGMENT, element: ELEMENT, set: SET, group: GROUP, syntax: SYNTAX };

/** The meaning of `code` in `list`; a code the list does not have is named as such rather than guessed at. */
export function codeWords(list: CodeList, code: string): string {
  const words = LISTS[list];
  return Object.hasOwn(words, code) ? (words[code] as string) : `error code ${code}, which the standard's list does not have`;
}
