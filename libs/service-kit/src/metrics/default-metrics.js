"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerDefaultMetrics = registerDefaultMetrics;
var prom_client_1 = require("prom-client");
/**
 * Process and runtime metrics (process_cpu_seconds_total, nodejs_eventloop_lag_seconds,
 * heap sizes, GC) in the global registry. Registering them twice throws, and tests
 * build several apps in one process, so this runs once per process.
 */
function registerDefaultMetrics() {
    if (prom_client_1.register.getSingleMetric('process_cpu_seconds_total'))
        return;
    (0, prom_client_1.collectDefaultMetrics)();
}
