"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WEBHOOK_SIGNATURE_HEADER = void 0;
exports.signWebhookBody = signWebhookBody;
exports.verifyWebhookSignature = verifyWebhookSignature;
var node_crypto_1 = require("node:crypto");
/** Header carrying `sha256=<hex HMAC-SHA256 of the raw body, keyed with the channel's secret>`. */
exports.WEBHOOK_SIGNATURE_HEADER = 'x-stockflow-signature';
function signWebhookBody(rawBody, secret) {
    return "sha256=".concat((0, node_crypto_1.createHmac)('sha256', secret).update(rawBody).digest('hex'));
}
/** Constant-time check, for receivers (and the tests that act as one). */
function verifyWebhookSignature(rawBody, secret, header) {
    if (typeof header !== 'string')
        return false;
    var expected = Buffer.from(signWebhookBody(rawBody, secret));
    var given = Buffer.from(header);
    return given.length === expected.length && (0, node_crypto_1.timingSafeEqual)(given, expected);
}
