import type { Order } from '../canonical/index.js';

// The dates of an order besides the order date, and the DTM qualifiers (374) the 850 writes them with.

export const ORDER_DATES: readonly { readonly qualifier: string; readonly field: Exclude<keyof Order['dates'], 'ordered'>; readonly what: string }[] = [
  { qualifier: '010', field: 'requestedShip', what: 'the requested ship date' },
  { qualifier: '002', field: 'requestedDelivery', what: 'the requested delivery date' },
  { qualifier: '037', field: 'shipNotBefore', what: 'the ship-not-before date' },
  { qualifier: '038', field: 'shipNoLater', what: 'the ship-no-later date' },
  { qualifier: '064', field: 'deliverNotBefore', what: 'the do-not-deliver-before date' },
  { qualifier: '063', field: 'deliverNoLater', what: 'the do-not-deliver-after date' },
  { qualifier: '001', field: 'cancelAfter', what: 'the cancel-after date' },
];
