"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.channelSettings = channelSettings;
function channelSettings(definition, config) {
    var _a, _b, _c, _d, _e, _f;
    return {
        definition: definition,
        concurrency: (_a = definition.concurrency) !== null && _a !== void 0 ? _a : config.CHANNEL_CONCURRENCY,
        timeoutMs: (_b = definition.timeoutMs) !== null && _b !== void 0 ? _b : config.CHANNEL_REQUEST_TIMEOUT_MS,
        retry: {
            maxAttempts: (_c = definition.maxAttempts) !== null && _c !== void 0 ? _c : config.CHANNEL_RETRY_MAX_ATTEMPTS,
            baseDelayMs: (_d = definition.retryBaseMs) !== null && _d !== void 0 ? _d : config.CHANNEL_RETRY_BASE_MS,
            maxDelayMs: (_e = definition.retryMaxMs) !== null && _e !== void 0 ? _e : config.CHANNEL_RETRY_MAX_MS,
        },
        operators: (_f = definition.operators) !== null && _f !== void 0 ? _f : [definition.name],
    };
}
