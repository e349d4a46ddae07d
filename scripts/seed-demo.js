"use strict";
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
var _a;
Object.defineProperty(exports, "__esModule", { value: true });
exports.uuidV5 = uuidV5;
/**
 * Seeds a small demo catalog through the public API, as a 3PL receipt feed
 * would: one StockReceived per SKU and warehouse. Run by `npm start` in the
 * background once the gateway is up.
 *
 * Idempotent on purpose: every eventId is a UUID v5 of "demo:<sku>:<location>",
 * so seeding again sends the same ids and the ledger's eventId dedupe makes it
 * a no-op (restarting `npm start` never doubles the demo stock).
 *
 * Env: PORT (gateway, default 3000), CHANNEL_TOKENS ("pos:tok1,3pl:tok2,...").
 */
var node_crypto_1 = require("node:crypto");
var BASE_URL = "http://127.0.0.1:".concat((_a = process.env.PORT) !== null && _a !== void 0 ? _a : 3000);
var READY_TIMEOUT_MS = 120000;
var CHANNEL = '3pl';
// [sku, units at WH-EAST, units at WH-WEST]
var CATALOG = [
    ['TSHIRT-RED-M', 120, 80],
    ['TSHIRT-BLUE-L', 90, 60],
    ['TSHIRT-BLACK-S', 150, 40],
    ['HOODIE-GREY-M', 45, 30],
    ['MUG-WHITE', 200, 200],
    ['MUG-BLACK', 75, 25],
    ['SNEAKER-42', 24, 12],
    ['SNEAKER-44', 18, 6],
    ['CAP-NAVY', 60, 60],
    ['TOTE-CANVAS', 100, 50],
];
// Fixed namespace for the demo's UUID v5 ids (any constant UUID works; this one is ours).
var DEMO_NAMESPACE = '6f1c2b1e-9a57-4c1e-8d4e-0b5a7c3d2e10';
/** RFC 4122 UUID v5: SHA-1 of namespace bytes + name, with version and variant bits set. */
function uuidV5(name, namespace) {
    if (namespace === void 0) { namespace = DEMO_NAMESPACE; }
    var hash = (0, node_crypto_1.createHash)('sha1')
        .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
        .update(name, 'utf8')
        .digest();
    hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
    hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122 variant
    var hex = hash.subarray(0, 16).toString('hex');
    return "".concat(hex.slice(0, 8), "-").concat(hex.slice(8, 12), "-").concat(hex.slice(12, 16), "-").concat(hex.slice(16, 20), "-").concat(hex.slice(20));
}
function channelToken(channel) {
    var _a, _b;
    var entries = ((_a = process.env.CHANNEL_TOKENS) !== null && _a !== void 0 ? _a : '')
        .split(',')
        .map(function (pair) { return pair.trim().split(':'); });
    var token = (_b = entries.find(function (_a) {
        var name = _a[0];
        return name === channel;
    })) === null || _b === void 0 ? void 0 : _b[1];
    if (!token) {
        throw new Error("CHANNEL_TOKENS has no token for \"".concat(channel, "\" (format \"pos:tok1,3pl:tok2\")"));
    }
    return token;
}
function waitUntilReady() {
    return __awaiter(this, void 0, void 0, function () {
        var deadline, last, res, error_1;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    deadline = Date.now() + READY_TIMEOUT_MS;
                    last = 'no answer';
                    _a.label = 1;
                case 1:
                    if (!(Date.now() < deadline)) return [3 /*break*/, 7];
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, 4, , 5]);
                    return [4 /*yield*/, fetch("".concat(BASE_URL, "/health/ready"), { signal: AbortSignal.timeout(2000) })];
                case 3:
                    res = _a.sent();
                    if (res.status === 200)
                        return [2 /*return*/];
                    last = "HTTP ".concat(res.status);
                    return [3 /*break*/, 5];
                case 4:
                    error_1 = _a.sent();
                    last = error_1 instanceof Error ? error_1.message : String(error_1);
                    return [3 /*break*/, 5];
                case 5: return [4 /*yield*/, new Promise(function (r) { return setTimeout(r, 1000); })];
                case 6:
                    _a.sent();
                    return [3 /*break*/, 1];
                case 7: throw new Error("".concat(BASE_URL, "/health/ready not ready after ").concat(READY_TIMEOUT_MS / 1000, " s (last: ").concat(last, ")"));
            }
        });
    });
}
function demoEvents() {
    var occurredAt = new Date().toISOString();
    return CATALOG.flatMap(function (_a) {
        var sku = _a[0], east = _a[1], west = _a[2];
        return [
            ['WH-EAST', east],
            ['WH-WEST', west],
        ].map(function (_a) {
            var locationId = _a[0], quantity = _a[1];
            return ({
                eventId: uuidV5("demo:".concat(sku, ":").concat(locationId)),
                type: 'StockReceived',
                sku: sku,
                channel: CHANNEL,
                occurredAt: occurredAt,
                schemaVersion: 1,
                locationId: locationId,
                quantity: quantity,
                metadata: { source: 'seed-demo' },
            });
        });
    });
}
function main() {
    return __awaiter(this, void 0, void 0, function () {
        var token, events, res, body;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    token = channelToken(CHANNEL);
                    return [4 /*yield*/, waitUntilReady()];
                case 1:
                    _a.sent();
                    events = demoEvents();
                    return [4 /*yield*/, fetch("".concat(BASE_URL, "/v1/events"), {
                            method: 'POST',
                            headers: { 'content-type': 'application/json', authorization: "Bearer ".concat(token) },
                            body: JSON.stringify(events),
                        })];
                case 2:
                    res = _a.sent();
                    return [4 /*yield*/, res.text()];
                case 3:
                    body = _a.sent();
                    if (res.status !== 202)
                        throw new Error("POST /v1/events answered ".concat(res.status, ": ").concat(body));
                    console.log("seed-demo: ".concat(events.length, " StockReceived events for ").concat(CATALOG.length, " SKUs accepted ") +
                        "(repeats are deduped by eventId); try: curl ".concat(BASE_URL, "/v1/stock/").concat(CATALOG[0][0]));
                    return [2 /*return*/];
            }
        });
    });
}
if (require.main === module) {
    main().catch(function (error) {
        console.error("seed-demo: ".concat(error instanceof Error ? error.message : String(error)));
        process.exit(1);
    });
}
