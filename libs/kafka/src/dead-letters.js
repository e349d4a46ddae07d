"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deadLetterRecord = deadLetterRecord;
exports.deadLetter = deadLetter;
/** The DLQ record of a message that could not be applied; keeps the original bytes. */
function deadLetterRecord(source, code, reason, details) {
    var _a, _b, _c;
    return {
        reason: reason,
        code: code,
        sourceTopic: source.topic,
        partition: source.partition,
        offset: source.message.offset,
        key: (_b = (_a = source.message.key) === null || _a === void 0 ? void 0 : _a.toString()) !== null && _b !== void 0 ? _b : null,
        originalValue: ((_c = source.message.value) !== null && _c !== void 0 ? _c : Buffer.alloc(0)).toString('base64'),
        failedAt: new Date().toISOString(),
        details: details,
    };
}
/** Builds the DLQ message for a message that could not be applied; keeps the original bytes. */
function deadLetter(source, code, reason, details) {
    return {
        key: source.message.key,
        value: JSON.stringify(deadLetterRecord(source, code, reason, details)),
        headers: { 'x-dlq-code': code, 'x-source-offset': source.message.offset },
    };
}
