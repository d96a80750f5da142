import { describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { GuideOverlayError, type GuideOverlay } from '../../translators/guide-overlay.js';
import type { LoopNode } from '../../translators/x12/tree.js';
import { createValidatingReader } from '../../translators/x12/validating-reader.js';
import { compiledSpecFor } from '../../translators/x12/specs/registry.js';
import { compileSet, type CompiledSet } from '../../translators/x12/validator/compiled-spec.js';
import { GOOD_BODY, interchange, mini850 as spec, miniDictionary as dictionary } from '../helpers/mini-850.js';

function validate(body: readonly string[], options: { overlay?: GuideOverlay; version?: '004010' | '005010'; compiled?: CompiledSet } = {}): { diagnostics: Diagnostic[]; tree: LoopNode | undefined } {
  const compiled = options.compiled ?? compileSet({ ...spec, version: options.version ?? '004010' }, dictionary, options.overlay);
  const diagnostics: Diagnostic[] = [];
  let tree: LoopNode | undefined;
  const reader = createValidatingReader(
    { diagnostic: (diagnostic) => void diagnostics.push(diagnostic), transactionSet: (_set, _outcome, built) => void (tree = built?.()) },
    { specs: () => compiled },
  );
  reader.write(Buffer.from(interchange(body, options.version), 'latin1'));
  reader.end();
  return { diagnostics, tree };
}

/** Each finding as "list code segment@position element: message". */
function findings(body: readonly string[], options: Parameters<typeof validate>[1] = {}): string[] {
  return validate(body, options).diagnostics.map((d) => {
    const at = d.location;
    const element = at.element === undefined ? '' : ` e${at.element}${at.component === undefined ? '' : `-${at.component}`}`;
    return `${d.codeList} ${d.code} ${at.segment}@${at.segmentPosition}${at.loop ? `/${at.loop}` : ''}${element}: ${d.message}`;
  });
}

const replace = (index: number, text: string) => GOOD_BODY.map((line, at) => (at === index ? text : line));

describe('X12 transaction set validator', () => {
  it('finds nothing wrong in a good set and builds its tree', () => {
    const { diagnostics, tree } = validate(GOOD_BODY);
    expect(diagnostics).toEqual([]);
    expect(tree?.value('BEG03')).toBe('PO-1');
    const [shipTo] = tree?.loops('N1') ?? [];
    expect(shipTo?.value('N102')).toBe('Warehouse');
    expect(shipTo?.segment('N3')?.value('N301')).toBe('1 Dock Road');
    const [line] = tree?.loops('PO1') ?? [];
    expect(line?.value('PO107')).toBe('ABC-1');
    expect(line?.segment('MEA')?.value('MEA04-1')).toBe('LB');
    expect(line?.segment('MEA')?.position).toBe(7);
    expect(() => line?.segment('MEA')?.value('PO104')).toThrow('"PO104" does not name an element of MEA');
  });

  it('reports a missing mandatory segment and a missing mandatory loop where they were due', () => {
    expect(findings(GOOD_BODY.filter((line) => !line.startsWith('BEG')))).toEqual([
      'AK304 3 BEG@2: BEG, the beginning segment for purchase order segment, is required but missing.',
    ]);
    expect(findings(GOOD_BODY.filter((line) => !/^(PO1|MEA)/.test(line)))).toEqual(['AK304 3 PO1@6/PO1: The PO1 loop is required but missing; it starts with PO1.']);
  });

  it('tells a segment out of order from one foreign to the set and from a malformed tag', () => {
    const outOfOrder = [...GOOD_BODY.slice(1, 5), GOOD_BODY[0] as string, ...GOOD_BODY.slice(5)];
    expect(findings(outOfOrder)).toEqual([
      'AK304 3 BEG@2: BEG, the beginning segment for purchase order segment, is required but missing.',
      'AK304 7 BEG@6/PO1: BEG is out of order here (in the PO1 loop); transaction set 850 allows it only elsewhere.',
    ]);
    expect(findings([...GOOD_BODY.slice(0, 2), 'CLM*1*2', ...GOOD_BODY.slice(2)])).toEqual(['AK304 6 CLM@4: CLM is not a segment of transaction set 850 (Purchase Order).']);
  });

  it('counts loop repeats and segment uses against their maximum', () => {
    const threeParties = [...GOOD_BODY.slice(0, 4), 'N1*BT*Billing', 'N1*VN*Vendor', ...GOOD_BODY.slice(4)];
    expect(findings(threeParties)).toEqual(['AK304 4 N1@7/N1: The N1 loop repeats more than the 2 times allowed.']);
    const threeStreets = [...GOOD_BODY.slice(0, 4), 'N3*Second', 'N3*Third', ...GOOD_BODY.slice(4)];
    expect(findings(threeStreets)).toEqual(['AK304 5 N3@7/N1: N3 appears more than the 2 times allowed in one N1 loop.']);
  });

  it('checks presence, length, type, codes, dates and syntax notes of elements', () => {
    expect(findings(replace(0, 'BEG*00*SA***20250107'))).toEqual(['AK403 1 BEG@2 e3: BEG03, the purchase order number, is missing.']);
    expect(findings(replace(0, 'BEG*00*SA*PO-0123456789012345678901**20250107'))).toEqual([
      'AK403 5 BEG@2 e3: BEG03, the purchase order number, is "PO-0123456789012345678901", 25 long; it may be at most 22.',
    ]);
    expect(findings(replace(0, 'BEG*99*SA*PO-1**20250107'))).toEqual(['AK403 7 BEG@2 e1: BEG01, the transaction set purpose code, is "99", which is not one of its codes (00, 01, 05).']);
    expect(findings(replace(0, 'BEG*00*SA*PO-1**20250230'))).toEqual(['AK403 8 BEG@2 e5: BEG05, the date, is "20250230", which is not a date (CCYYMMDD).']);
    expect(findings(replace(4, 'PO1*1*ten*EA*9.99**VP*ABC-1'))).toEqual(['AK403 6 PO1@6/PO1 e2: PO102, the quantity ordered, is "ten", which is not a decimal number.']);
    expect(findings(replace(4, 'PO1*1*10*EA*9.99**VP'))).toEqual([
      'AK403 2 PO1@6/PO1 e7: PO106, PO107 go together: PO107 is missing while PO106 is given (syntax note PO1 P0607).',
    ]);
    expect(findings(replace(4, 'PO1*1*10**9.99**VP*ABC-1'))).toEqual(['AK403 2 PO1@6/PO1 e3: PO103 is required when PO102 is given (syntax note PO1 C0203).']);
    expect(findings(replace(1, 'REF*DP'))).toEqual(['AK403 2 REF@3 e2: At least one of REF02, REF03 is required (syntax note REF R0203).']);
    expect(findings(replace(5, 'MEA*PD*WT*12.5*LB*9'))).toEqual(['AK403 3 MEA@7/PO1 e5: MEA has data in element 5, but a MEA segment has only 4 elements.']);
    expect(findings(replace(5, 'MEA*PD*WT*12.5*KG'))).toEqual(['AK403 7 MEA@7/PO1 e4-1: MEA04-1, the unit or basis for measurement code, is "KG", which is not one of its codes (EA, CA, LB).']);
    expect(findings(replace(5, 'MEA*PD*WT*12.5*LB>1>2'))).toEqual(['AK403 3 MEA@7/PO1 e4-3: MEA04, the composite unit of measure, has 3 components; it has only 2.']);
  });

  it('uses the 005010 codes for repetitions and components', () => {
    expect(findings(replace(5, 'MEA*PD*WT*12.5*LB>1>2'), { version: '005010' })).toEqual(['IK403 13 MEA@7/PO1 e4-3: MEA04, the composite unit of measure, has 3 components; it has only 2.']);
    expect(findings(replace(2, 'N1*ST*Warehouse^Annex*92*0001'), { version: '005010' })).toEqual(['IK403 12 N1@4/N1 e2: N102, the name, repeats 2 times; at most 1 is allowed.']);
  });

  it('checks the HL hierarchy: each HL01 once, each HL02 an HL01 given before it, in order or not', () => {
    const compiled = compiledSpecFor('004010', '856') as CompiledSet;
    const hierarchy = (levels: readonly string[]) => findings(['BSN*00*ASN1*20250107*1305', ...levels], { compiled });
    expect(hierarchy(['HL*1**S', 'HL*2*1*O', 'HL*3*2*P', 'HL*4*3*I', 'HL*5*2*P'])).toEqual([]);
    expect(hierarchy(['HL*1**S', 'HL*2*1*O', 'HL*3*7*P', 'HL*4*01*I', 'HL*5*5*I'])).toEqual([
      'AK403 7 HL@5/HL e2: HL02, the hierarchical parent ID number, is "7", but no HL before it has that HL01.',
      'AK403 7 HL@6/HL e2: HL02, the hierarchical parent ID number, is "01", but no HL before it has that HL01.',
      'AK403 7 HL@7/HL e2: HL02, the hierarchical parent ID number, is "5", but no HL before it has that HL01.',
    ]);
    // Numbered out of order from the third level on: the numbers given so far are still known.
    expect(hierarchy(['HL*1**S', 'HL*2*1*O', 'HL*A*2*P', 'HL*B*A*I', 'HL*2*1*O', 'HL*C*1*P', 'HL*D*Z*I'])).toEqual([
      'AK403 7 HL@7/HL e1: HL01, the hierarchical ID number, is "2" again; each level must have its own number.',
      'AK403 7 HL@9/HL e2: HL02, the hierarchical parent ID number, is "Z", but no HL before it has that HL01.',
    ]);
  });

  it("applies a partner's guide: mandatory, not used, fewer codes, fewer repeats", () => {
    const overlay: GuideOverlay = {
      segments: { REF: { requirement: 'M' }, 'N1/N3': { notUsed: true } },
      loops: { PO1: { max: 1 } },
      elements: { BEG02: { codes: ['DS'] }, 'N1/N104': { requirement: 'M' } },
    };
    const body = [GOOD_BODY[0] as string, 'N1*ST*Warehouse', 'N3*1 Dock Road', 'PO1*1*10*EA', 'PO1*2*10*EA', 'CTT*2'];
    expect(findings(body, { overlay })).toEqual([
      'AK403 7 BEG@2 e2: BEG02, the purchase order type code, is "SA", which this partner\'s guide does not use (DS).',
      'AK304 3 REF@3: REF, the reference identification segment, is required but missing.',
      "AK403 1 N1@3/N1 e4: N104, the identification code, is missing (this partner's guide requires it).",
      'AK304 2 N3@4/N1: N3 is not used in this partner\'s guide.',
      'AK304 4 PO1@6/PO1: The PO1 loop repeats more than the 1 times allowed.',
    ]);
    expect(findings(body, { overlay, version: '005010' })).toEqual(
      expect.arrayContaining(["IK403 I6 BEG@2 e2: BEG02, the purchase order type code, is \"SA\", which this partner's guide does not use (DS).", "IK304 I4 N3@4/N1: N3 is not used in this partner's guide."]),
    );
  });

  it('refuses a guide that loosens the standard or names what is not there', () => {
    const attempt = () =>
      compileSet(spec, dictionary, { loops: { N1: { max: 5 } }, segments: { BEG: { notUsed: true }, XYZ: { requirement: 'M' } }, elements: { BEG01: { codes: ['00', '77'] } } });
    expect(attempt).toThrow(GuideOverlayError);
    for (const problem of ['N1 may repeat at most 2 times', 'BEG is mandatory in the standard', 'BEG01 codes "77" are not in the standard\'s list', 'Segment XYZ is not in transaction set 850']) {
      expect(attempt).toThrow(problem);
    }
  });
});
