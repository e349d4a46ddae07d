"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_POOL_ID = void 0;
/**
 * Pools: which locations a channel sells from (Magento MSI's stocks, Saleor's
 * channel warehouses). Definitions are events on the one-partition topic
 * `inventory.pools`, key = poolId; every service folds them in the same order
 * (ledger-core's foldPoolEvent), so replay reproduces them.
 */
exports.DEFAULT_POOL_ID = 'default';
