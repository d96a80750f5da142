// Where ORDERS keeps what the Order maps read and write: its segment groups, numbered per directory, and
// the DTM qualifiers (2005) of the order's dates.

export const ORDERS_GROUPS = {
  D96A: { parties: 'SG2', currency: 'SG7', transport: 'SG9', equipment: 'SG14', line: 'SG25', price: 'SG28' },
  D01B: { parties: 'SG2', currency: 'SG7', transport: 'SG10', equipment: 'SG15', line: 'SG28', price: 'SG32' },
} as const;

/** 137 document date, 10 shipment requested, 37 ship not before, 38 ship not later than, 2 delivery requested, 64 earliest and 63 latest delivery, 61 cancel if not delivered by. */
export const ORDER_DATES = {
  ordered: '137',
  requestedShip: '10',
  shipNotBefore: '37',
  shipNoLater: '38',
  requestedDelivery: '2',
  deliverNotBefore: '64',
  deliverNoLater: '63',
  cancelAfter: '61',
} as const;
