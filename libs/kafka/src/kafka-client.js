"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createKafka = createKafka;
var kafkajs_1 = require("kafkajs");
/** One kafkajs client per process; brokers as `host:port[,host:port]`. */
function createKafka(_a) {
    var brokers = _a.brokers, clientId = _a.clientId;
    return new kafkajs_1.Kafka({
        clientId: clientId,
        brokers: brokers.split(','),
        logLevel: kafkajs_1.logLevel.WARN,
        // Keep retrying for ~1 min across broker restarts before a call fails to the caller.
        retry: { initialRetryTime: 200, retries: 10, maxRetryTime: 5000 },
    });
}
