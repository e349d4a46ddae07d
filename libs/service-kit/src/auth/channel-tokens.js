"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseChannelTokens = parseChannelTokens;
exports.parseOperatorTokens = parseOperatorTokens;
/** Parses `CHANNEL_TOKENS="pos:tok1,web:tok2"` into token -> channel. */
function parseChannelTokens(spec) {
    var tokens = new Map();
    for (var _i = 0, _a = spec.split(',').filter(Boolean); _i < _a.length; _i++) {
        var pair = _a[_i];
        var index = pair.indexOf(':');
        tokens.set(pair.slice(index + 1).trim(), pair.slice(0, index).trim());
    }
    return tokens;
}
/** Parses `OPERATOR_TOKENS="tok1,tok2"`. */
function parseOperatorTokens(spec) {
    return new Set(spec.split(',').map(function (t) { return t.trim(); }).filter(Boolean));
}
