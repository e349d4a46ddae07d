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
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SpanKind = void 0;
exports.inSpan = inSpan;
exports.openSpan = openSpan;
exports.withActiveSpan = withActiveSpan;
exports.contextWithSpan = contextWithSpan;
exports.runInContext = runInContext;
exports.markFailed = markFailed;
var api_1 = require("@opentelemetry/api");
Object.defineProperty(exports, "SpanKind", { enumerable: true, get: function () { return api_1.SpanKind; } });
var tracer = function () { return api_1.trace.getTracer('stockflow'); };
/**
 * Runs `work` in a new span that is active for everything it awaits; the span
 * ends when `work` settles and records the error when it throws (which is then
 * rethrown: tracing never changes what the caller sees).
 */
function inSpan(name, options, work) {
    return __awaiter(this, void 0, void 0, function () {
        var parent, span, error_1;
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    parent = (_a = options.parent) !== null && _a !== void 0 ? _a : api_1.context.active();
                    span = openSpan(name, __assign(__assign({}, options), { parent: parent }));
                    _b.label = 1;
                case 1:
                    _b.trys.push([1, 3, 4, 5]);
                    return [4 /*yield*/, api_1.context.with(api_1.trace.setSpan(parent, span), function () { return work(span); })];
                case 2: return [2 /*return*/, _b.sent()];
                case 3:
                    error_1 = _b.sent();
                    markFailed(span, error_1);
                    throw error_1;
                case 4:
                    span.end();
                    return [7 /*endfinally*/];
                case 5: return [2 /*return*/];
            }
        });
    });
}
/** A span started now and ended by the caller (one that outlives the code block that starts it). */
function openSpan(name, options) {
    var _a;
    return tracer().startSpan(name, { kind: options.kind, attributes: options.attributes, links: options.links }, (_a = options.parent) !== null && _a !== void 0 ? _a : api_1.context.active());
}
/** Runs `fn` with `span` as the active span (so what it produces carries that span's context). */
function withActiveSpan(span, fn) {
    return api_1.context.with(api_1.trace.setSpan(api_1.context.active(), span), fn);
}
/** A context whose active span is `span` (on top of `parent`, the active context by default), to run later work in. */
function contextWithSpan(span, parent) {
    if (parent === void 0) { parent = api_1.context.active(); }
    return api_1.trace.setSpan(parent, span);
}
function runInContext(ctx, fn) {
    return api_1.context.with(ctx, fn);
}
function markFailed(span, error) {
    var _a;
    span.recordException(error);
    span.setStatus({
        code: api_1.SpanStatusCode.ERROR,
        message: (_a = error === null || error === void 0 ? void 0 : error.message) !== null && _a !== void 0 ? _a : String(error),
    });
}
