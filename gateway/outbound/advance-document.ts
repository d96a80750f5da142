import type { Logger } from '../log.js';
import { getOutboundDocument, type OutboundDocument } from '../store/sql/outbound-documents.js';
import { deliverOutboundDocument } from './deliver-document.js';
import { renderOutboundDocument, type OutboundStepDeps } from './render-document.js';

/**
 * Renders and delivers a document at once, for the command line and the API, whose callers want to see
 * where their document got to. The document is stored before this runs: a step that fails leaves it in its
 * state for the sweep of a running gateway to take up, and is reported, never thrown at a caller who might
 * then send the document a second time.
 */
export async function advanceOutboundDocument(deps: OutboundStepDeps & { readonly log?: Logger }, id: string): Promise<{ document: OutboundDocument; failure?: unknown }> {
  try {
    if ((await renderOutboundDocument(deps, id)) === 'rendered') await deliverOutboundDocument(deps, id);
  } catch (error) {
    deps.log?.warn({ err: error, documentId: id }, 'an outbound document stays in its state for the sweep');
    return { document: (await getOutboundDocument(deps.pool, id)) as OutboundDocument, failure: error };
  }
  return { document: (await getOutboundDocument(deps.pool, id)) as OutboundDocument };
}
