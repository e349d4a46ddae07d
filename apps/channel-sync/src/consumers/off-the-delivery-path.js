"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OFF_THE_DELIVERY_PATH = void 0;
/** Consumers off the delivery path fetch bigger, rarer batches (see ChannelFeed for the fast path). */
exports.OFF_THE_DELIVERY_PATH = { minBytes: 64 * 1024, maxWaitTimeInMs: 200 };
