"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.responseOutcome = responseOutcome;
exports.transportFailure = transportFailure;
var retry_policy_1 = require("../delivery/retry-policy");
/** Statuses worth retrying: the channel is overloaded, restarting or timed out, not refusing the update. */
var RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);
/**
 * Turns a channel's answer into an outcome. 2xx lands; 429 and 503 carry
 * Retry-After (honoured as given); other 4xx mean the channel refuses this
 * update (bad credentials, unknown item), which retrying cannot fix, so it is
 * dead-lettered at once with the status and the start of the body as reason.
 */
function responseOutcome(status, retryAfter, body, now) {
    if (status >= 200 && status < 300)
        return { ok: true, status: status };
    var snippet = body.replace(/\s+/g, ' ').trim().slice(0, 200);
    var reason = "channel answered ".concat(status).concat(snippet ? ": ".concat(snippet) : '');
    var retryable = RETRYABLE.has(status) || (status >= 500 && status !== 501 && status !== 505);
    if (!retryable)
        return { ok: false, retryable: false, status: status, reason: reason };
    var retryAfterMs = status === 429 || status === 503 ? (0, retry_policy_1.parseRetryAfter)(retryAfter, now) : undefined;
    return __assign({ ok: false, retryable: true, status: status, reason: reason }, (retryAfterMs === undefined ? {} : { retryAfterMs: retryAfterMs }));
}
/** A request that got no answer (refused, reset, timed out) is always worth retrying. */
function transportFailure(error) {
    var e = error;
    return { ok: false, retryable: true, reason: "no answer: ".concat([e.code, e.message].filter(Boolean).join(' ') || String(error)) };
}
