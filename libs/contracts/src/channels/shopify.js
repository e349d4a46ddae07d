"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SHOPIFY_TOKEN_HEADER = exports.SHOPIFY_INVENTORY_SET_PATH = void 0;
/** Path of Shopify's "set inventory level" call, appended to a shopify channel's endpoint. */
exports.SHOPIFY_INVENTORY_SET_PATH = '/admin/api/2024-01/inventory_levels/set.json';
exports.SHOPIFY_TOKEN_HEADER = 'x-shopify-access-token';
