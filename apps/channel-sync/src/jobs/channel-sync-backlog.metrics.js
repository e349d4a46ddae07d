"use strict";
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.channelSyncBacklogMetrics = channelSyncBacklogMetrics;
var kafkajs_1 = require("kafkajs");
var kafka_1 = require("@stockflow/kafka");
var service_kit_1 = require("@stockflow/service-kit");
/**
 * One group per channel on inventory.stock-levels (a slow channel lags alone),
 * plus the input guard and the DLQ index; and the depth of channel-sync.dlq.
 * Group names are bounded: one per configured channel.
 */
function channelSyncBacklogMetrics(config, channels) {
    var group = function (suffix) {
        return "".concat(config.KAFKA_TOPIC_PREFIX).concat(config.CHANNEL_SYNC_GROUP_ID, ".").concat(suffix);
    };
    return [
        {
            provide: service_kit_1.METRIC_REFRESHERS,
            inject: [kafkajs_1.Kafka, kafka_1.TOPICS],
            useFactory: function (kafka, topics) {
                var subscriptions = __spreadArray(__spreadArray([], channels.map(function (c) { return ({ group: group(c.name), topic: topics.stockLevels }); }), true), [
                    { group: group('input'), topic: topics.stockLevels },
                    { group: group('dlq-index'), topic: topics.channelSyncDlq },
                ], false);
                return [
                    new kafka_1.BacklogMetrics(kafka, {
                        lag: (0, kafka_1.committedLag)(subscriptions),
                        dlqTopics: [topics.channelSyncDlq],
                    }),
                ];
            },
        },
        service_kit_1.MetricRefreshLoop,
    ];
}
