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
exports.validationFailed = validationFailed;
exports.flattenValidationErrors = flattenValidationErrors;
exports.strictValidationPipe = strictValidationPipe;
var common_1 = require("@nestjs/common");
/** 400 body shared by every service: every field problem at once, never just the first. */
function validationFailed(errors) {
    return new common_1.BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'validation failed', errors: errors });
}
function flattenValidationErrors(errors, path) {
    if (path === void 0) { path = ''; }
    return errors.flatMap(function (e) {
        var _a;
        var field = path ? "".concat(path, ".").concat(e.property) : e.property;
        var own = e.constraints ? [{ field: field, messages: Object.values(e.constraints) }] : [];
        return __spreadArray(__spreadArray([], own, true), flattenValidationErrors((_a = e.children) !== null && _a !== void 0 ? _a : [], field), true);
    });
}
function strictValidationPipe() {
    return new common_1.ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        exceptionFactory: function (errors) { return validationFailed(flattenValidationErrors(errors)); },
    });
}
