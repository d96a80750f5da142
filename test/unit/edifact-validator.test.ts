import { describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { GuideOverlayError, type GuideOverlay } from '../../translators/guide-overlay.js';
import type { Message } from '../../translators/edifact/envelope-reader.js';
import { messageSpecFor } from '../../translators/edifact/specs/registry.js';
import type { EdifactLoopNode } from '../../translators/edifact/tree.js';
import { createEdifactValidatingReader, type MessageOutcome } from '../../translators/edifact/validating-reader.js';
import { compileMessage } from '../../translators/edifact/validator/compiled-message.js';

// The EDIFACT message validator through the validating reader: the tree the maps read, and a partner's
// guide overlay tightening the D96A ORDERS definition. The broken variants of every message are in
// edifact-broken-variants.test.ts.

const ORDERS = [
  "UNB+UNOC:3+SENDER:14+RECEIVER:14+250107:1305+REF1'",
  "UNH+1+ORDERS:D:96A:UN'",
  "BGM+105+PO?+4500012345+9'",
  "DTM+137:20250107:102'",
  "NAD+BY+5412345000013::9'",
  "NAD+DP+5412345000020::9'",
  "LIN+1++4000862141404:SRS'",
  "QTY+21:48:PCE'",
  "UNS+S'",
  "UNT+9+1'",
  "UNZ+1+REF1'",
].join('\n');

function validate(text: string, overlay?: GuideOverlay): { diagnostics: Diagnostic[]; outcomes: MessageOutcome[]; trees: (EdifactLoopNode | undefined)[] } {
  const diagnostics: Diagnostic[] = [];
  const outcomes: MessageOutcome[] = [];
  const trees: (EdifactLoopNode | undefined)[] = [];
  const orders = messageSpecFor('D96A', 'ORDERS');
  const compiled = orders && compileMessage(orders.spec, orders.dictionary, overlay);
  const reader = createEdifactValidatingReader(
    { diagnostic: (d) => void diagnostics.push(d), message: (_: Message, outcome, tree) => void (outcomes.push(outcome), trees.push(tree)) },
    { specs: (message) => (message.type === 'ORDERS' ? compiled : undefined) },
  );
  reader.write(Buffer.from(text, 'latin1'));
  reader.end();
  return { diagnostics, outcomes, trees };
}

const summary = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.location.segment}@${d.location.segmentPosition} ${d.code}${d.location.element ? ` e${d.location.element}${d.location.component ? `.${d.location.component}` : ''}` : ''}${d.location.loop ? ` ${d.location.loop}` : ''}`);

describe('EDIFACT validator', () => {
  it('places a clean message in its segment groups, values read by name with release characters removed', () => {
    const { diagnostics, outcomes, trees } = validate(ORDERS);
    expect(diagnostics).toEqual([]);
    expect(outcomes).toMatchObject([{ type: 'ORDERS', reference: '1', supported: true, diagnostics: [] }]);
    const tree = trees[0] as EdifactLoopNode;
    expect(tree.value('BGM02')).toBe('PO+4500012345');
    expect(tree.loops('SG2').map((party) => `${party.value('NAD01')} ${party.value('NAD02-1')}`)).toEqual(['BY 5412345000013', 'DP 5412345000020']);
    expect(tree.loops('SG25')[0]?.value('LIN03-1')).toBe('4000862141404');
  });

  it('applies a partner guide: a group made mandatory, codes narrowed, repeats capped, an element not used', () => {
    const overlay: GuideOverlay = {
      loops: { SG1: { requirement: 'M' }, SG2: { max: 1 } },
      elements: { 'BGM01-1': { codes: ['220'] }, 'SG2/NAD02-3': { notUsed: true } },
    };
    const { diagnostics, outcomes } = validate(ORDERS, overlay);
    expect(summary(diagnostics)).toEqual(['BGM@2 12 e1.1', 'RFF@4 13 SG1', 'NAD@4 15 e2.3 SG2', 'NAD@5 36 SG2', 'NAD@5 15 e2.3 SG2']);
    expect(outcomes[0]?.diagnostics).toHaveLength(5);
  });

  it('refuses an overlay that loosens the standard or names what the message does not have', () => {
    const orders = messageSpecFor('D96A', 'ORDERS');
    if (!orders) throw new Error('D96A ORDERS is handled');
    expect(() => compileMessage(orders.spec, orders.dictionary, { segments: { BGM: { max: 2 } }, loops: { SG99: { requirement: 'M' } } })).toThrow(GuideOverlayError);
    expect(() => compileMessage(orders.spec, orders.dictionary, { segments: { BGM: { max: 2 } } })).toThrow(/BGM may repeat at most 1 times/);
  });

  it('reports a message type the gateway does not handle (17, no agreement), and still reads the rest', () => {
    const text = ORDERS.replace("UNH+1+ORDERS:D:96A:UN'", "UNH+1+PRICAT:D:96A:UN'");
    const { diagnostics, outcomes } = validate(text);
    expect(summary(diagnostics)).toEqual(['UNH@1 17 e2']);
    expect(outcomes[0]).toMatchObject({ type: 'PRICAT', supported: false });
  });

  it('checks numeric formats: digits, one decimal mark with a digit before it, the length without sign and mark', () => {
    const quantity = (value: string) => summary(validate(ORDERS.replace('QTY+21:48:PCE', `QTY+21:${value}:PCE`)).diagnostics);
    expect(quantity('-1234567890.12345')).toEqual([]);
    expect(quantity('12,5')).toEqual([]);
    expect(quantity('.5')).toEqual(['QTY@7 38 e1.2 SG25']);
    expect(quantity('5.')).toEqual(['QTY@7 19 e1.2 SG25']);
    expect(quantity('4A')).toEqual(['QTY@7 37 e1.2 SG25']);
    expect(quantity('1234567890123456')).toEqual(['QTY@7 39 e1.2 SG25']);
  });
});
