"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ordersMetrics = void 0;
var service_kit_1 = require("@stockflow/service-kit");
exports.ordersMetrics = {
    decided: (0, service_kit_1.counter)({
        name: 'stockflow_orders_decided_total',
        help: 'Orders decided against the stock counters',
        labelNames: ['status', 'mode'],
    }),
    requeued: (0, service_kit_1.counter)({ name: 'stockflow_orders_requeued_total', help: 'Orders still received after the requeue delay, queued again' }),
};
