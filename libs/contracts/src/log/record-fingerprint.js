"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordFingerprint = recordFingerprint;
var node_crypto_1 = require("node:crypto");
/**
 * A short, stable identity of one log record: a hash of its key and value.
 * Stored beside a consumer's offset as the "anchor" (the last record applied),
 * so a consumer resuming at that offset can tell whether the log still holds
 * the same record there, or a different log now answers at the same address.
 * kafkajs 2.2.4 speaks Metadata v6, which carries no topic ids (they came in
 * v10): the anchor stands in for the topic id (see docs/ledger.md).
 */
function recordFingerprint(message) {
    var _a, _b;
    var hash = (0, node_crypto_1.createHash)('sha256');
    var key = (_a = message.key) !== null && _a !== void 0 ? _a : Buffer.alloc(0);
    // Length-prefixed so that (key "ab", value "c") and (key "a", value "bc") differ.
    hash.update(String(key.length)).update(':').update(key);
    hash.update((_b = message.value) !== null && _b !== void 0 ? _b : Buffer.alloc(0));
    return hash.digest('base64url').slice(0, 32);
}
