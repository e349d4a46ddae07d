"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_REFERENCE_LENGTH = exports.SETTABLE_QUANTITIES = exports.MOVABLE_STATES = exports.SKU_PATTERN = exports.RELEASE_REASONS = exports.EVENT_TYPES = exports.SCHEMA_VERSION = void 0;
/** Plain data shapes of the inventory events (topic `inventory.events`, key = sku). */
exports.SCHEMA_VERSION = 1;
exports.EVENT_TYPES = [
    'StockReceived',
    'StockAdjusted',
    'StockCounted',
    'ItemSold',
    'StockReserved',
    'ReservationReleased',
    'ReservationFulfilled',
    'StockTransferred',
    'StockStateChanged',
    'StockIncoming',
    'IncomingCancelled',
];
exports.RELEASE_REASONS = ['cart_cancel', 'order_cancel', 'expired', 'rejected'];
exports.SKU_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/**
 * States on-hand units can be moved between with StockStateChanged (Shopify's
 * names). `committed` (order reservations) and `reserved` (cart holds) are moved
 * only by reservation events, `incoming` is not on hand.
 */
exports.MOVABLE_STATES = ['available', 'damaged', 'quality_control', 'safety_stock'];
/** What POST /v1/stock/:sku/set (a StockCounted with `name`) may set. */
exports.SETTABLE_QUANTITIES = ['on_hand', 'available'];
exports.MAX_REFERENCE_LENGTH = 255;
