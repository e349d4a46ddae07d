"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.counter = counter;
exports.gauge = gauge;
exports.histogram = histogram;
var prom_client_1 = require("prom-client");
// prom-client's registry is process-global; these return the existing metric
// when a module is instantiated twice (tests create several apps per process).
function counter(config) {
    var _a;
    return (_a = prom_client_1.register.getSingleMetric(config.name)) !== null && _a !== void 0 ? _a : new prom_client_1.Counter(config);
}
function gauge(config) {
    var _a;
    return (_a = prom_client_1.register.getSingleMetric(config.name)) !== null && _a !== void 0 ? _a : new prom_client_1.Gauge(config);
}
function histogram(config) {
    var _a;
    return (_a = prom_client_1.register.getSingleMetric(config.name)) !== null && _a !== void 0 ? _a : new prom_client_1.Histogram(config);
}
