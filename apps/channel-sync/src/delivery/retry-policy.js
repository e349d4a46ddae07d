"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_RETRY_AFTER_MS = void 0;
exports.backoffDelay = backoffDelay;
exports.parseRetryAfter = parseRetryAfter;
/**
 * Exponential backoff with "equal jitter": half of the step is fixed, half random.
 * The fixed half keeps a retry from coming back almost at once; the random half
 * spreads the SKUs that failed together (a channel outage) so they do not return
 * as one thundering herd. `failures` counts failed sends so far (1 after the first).
 */
function backoffDelay(failures, policy, random) {
    if (random === void 0) { random = Math.random; }
    var step = Math.min(policy.maxDelayMs, policy.baseDelayMs * Math.pow(2, Math.max(0, failures - 1)));
    return Math.round(step / 2 + random() * (step / 2));
}
/** Longest Retry-After honoured; beyond it a broken header would park a channel for days. */
exports.MAX_RETRY_AFTER_MS = 10 * 60000;
/**
 * Parses Retry-After (RFC 9110: delay-seconds or an HTTP-date) into a delay in ms.
 * Undefined when absent or unreadable, so the caller falls back to its backoff.
 */
function parseRetryAfter(header, now) {
    var value = Array.isArray(header) ? header[0] : header;
    if (value === undefined || value.trim() === '')
        return undefined;
    var trimmed = value.trim();
    // An HTTP-date always names a weekday or month; Date.parse alone would take '-3' for a year.
    var delay = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : /[A-Za-z]/.test(trimmed) ? Date.parse(trimmed) - now : NaN;
    if (Number.isNaN(delay))
        return undefined;
    return Math.min(exports.MAX_RETRY_AFTER_MS, Math.max(0, delay));
}
