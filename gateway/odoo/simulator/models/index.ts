import type { ModelSpec } from '../orm/model-spec.js';
import { accountMove } from './account-move.js';
import { accountMoveLine } from './account-move-line.js';
import { accountJournal, accountTax } from './account-setup.js';
import { irModelData } from './ir-model-data.js';
import { mailMessage, mailMessageSubtype } from './mail-message.js';
import { productCategory, productProduct, productSupplierinfo, productTemplate } from './product.js';
import { purchaseOrder } from './purchase-order.js';
import { purchaseOrderLine } from './purchase-order-line.js';
import { resCompany, resCountry, resCountryState, resCurrency, resPartner, resPartnerTitle, resUsers } from './res-partner.js';
import { saleOrder } from './sale-order.js';
import { saleOrderLine } from './sale-order-line.js';
import {
  deliveryCarrier,
  procurementGroup,
  stockLocation,
  stockLot,
  stockPackage,
  stockPickingType,
  stockQuant,
  stockQuantPackage,
  stockWarehouse,
} from './stock-locations.js';
import { stockMove, stockMoveLine } from './stock-move.js';
import { stockPicking } from './stock-picking.js';
import { uomCategory, uomUom } from './uom.js';

/** Every model the simulator knows; `buildRegistry` keeps those of the running series. */
export const MODEL_SPECS: readonly ModelSpec[] = [
  resCurrency,
  resCountry,
  resCountryState,
  resPartner,
  resPartnerTitle,
  resCompany,
  resUsers,
  uomCategory,
  uomUom,
  productCategory,
  productTemplate,
  productProduct,
  productSupplierinfo,
  stockLocation,
  stockWarehouse,
  stockPickingType,
  stockLot,
  stockQuantPackage,
  stockPackage,
  procurementGroup,
  stockQuant,
  deliveryCarrier,
  stockPicking,
  stockMove,
  stockMoveLine,
  saleOrder,
  saleOrderLine,
  accountJournal,
  accountTax,
  accountMove,
  accountMoveLine,
  purchaseOrder,
  purchaseOrderLine,
  irModelData,
  mailMessageSubtype,
  mailMessage,
];
