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
exports.ChannelReceiver = exports.healthy = void 0;
var node_http_1 = require("node:http");
var contracts_1 = require("@stockflow/contracts");
var healthy = function () { return ({ status: 200 }); };
exports.healthy = healthy;
/**
 * A real HTTP server that behaves like a sales channel: healthy, failing,
 * throttling, slow, or down (not listening at all). Records every call.
 */
var ChannelReceiver = /** @class */ (function () {
    function ChannelReceiver(port, behaviour, options) {
        this.port = port;
        this.behaviour = behaviour;
        this.options = options;
        this.calls = [];
        this.answered = 0;
    }
    /** Starts listening on a free loopback port (or `port`); `down: true` only reserves the port. */
    ChannelReceiver.start = function () {
        return __awaiter(this, arguments, void 0, function (options) {
            var receiver;
            var _a, _b;
            if (options === void 0) { options = {}; }
            return __generator(this, function (_c) {
                switch (_c.label) {
                    case 0:
                        receiver = new ChannelReceiver((_a = options.port) !== null && _a !== void 0 ? _a : 0, (_b = options.behaviour) !== null && _b !== void 0 ? _b : exports.healthy, options);
                        return [4 /*yield*/, receiver.listen()];
                    case 1:
                        _c.sent();
                        if (!options.down) return [3 /*break*/, 3];
                        return [4 /*yield*/, receiver.close()];
                    case 2:
                        _c.sent();
                        _c.label = 3;
                    case 3: return [2 /*return*/, receiver];
                }
            });
        });
    };
    Object.defineProperty(ChannelReceiver.prototype, "url", {
        get: function () {
            return "http://127.0.0.1:".concat(this.port);
        },
        enumerable: false,
        configurable: true
    });
    Object.defineProperty(ChannelReceiver.prototype, "listening", {
        get: function () {
            return this.server !== undefined;
        },
        enumerable: false,
        configurable: true
    });
    ChannelReceiver.prototype.listen = function () {
        return __awaiter(this, void 0, void 0, function () {
            var server;
            var _this = this;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        server = (0, node_http_1.createServer)(function (req, res) { return _this.handle(req, res); });
                        server.keepAliveTimeout = 30000;
                        return [4 /*yield*/, new Promise(function (resolve, reject) {
                                server.once('error', reject);
                                server.listen(_this.port, '127.0.0.1', function () { return resolve(); });
                            })];
                    case 1:
                        _a.sent();
                        this.port = server.address().port;
                        this.server = server;
                        return [2 /*return*/];
                }
            });
        });
    };
    /** Stops listening and drops open connections: callers now get ECONNREFUSED. */
    ChannelReceiver.prototype.close = function () {
        return __awaiter(this, void 0, void 0, function () {
            var server;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        server = this.server;
                        this.server = undefined;
                        if (!server)
                            return [2 /*return*/];
                        server.closeAllConnections();
                        return [4 /*yield*/, new Promise(function (resolve) { return server.close(function () { return resolve(); }); })];
                    case 1:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    /** Calls that were answered 2xx. */
    ChannelReceiver.prototype.accepted = function () {
        return this.calls.filter(function (c) { return c.status >= 200 && c.status < 300; });
    };
    /** Newest accepted body per key (e.g. `c => c.body.sku`), in arrival order. */
    ChannelReceiver.prototype.latestBy = function (key) {
        var latest = new Map();
        for (var _i = 0, _a = this.accepted(); _i < _a.length; _i++) {
            var call = _a[_i];
            latest.set(key(call), call.body);
        }
        return latest;
    };
    ChannelReceiver.prototype.handle = function (req, res) {
        var _this = this;
        var chunks = [];
        req.on('data', function (chunk) { return chunks.push(chunk); });
        req.on('end', function () {
            var _a, _b, _c;
            var rawBody = Buffer.concat(chunks).toString('utf8');
            var body = rawBody;
            try {
                body = JSON.parse(rawBody);
            }
            catch (_d) {
                /* keep the text */
            }
            var call = __assign({ at: Date.now(), path: (_a = req.url) !== null && _a !== void 0 ? _a : '', headers: req.headers, rawBody: rawBody, body: body, status: 0 }, (_this.options.secret === undefined
                ? {}
                : { signatureValid: (0, contracts_1.verifyWebhookSignature)(rawBody, _this.options.secret, req.headers[contracts_1.WEBHOOK_SIGNATURE_HEADER]) }));
            var answer = _this.behaviour(call, _this.answered++);
            call.status = answer.status;
            if (_this.options.record !== false)
                _this.calls.push(call);
            (_c = (_b = _this.options).onCall) === null || _c === void 0 ? void 0 : _c.call(_b, call);
            var send = function () {
                var _a;
                if (res.destroyed)
                    return;
                res.writeHead(answer.status, __assign({ 'content-type': 'application/json' }, answer.headers));
                res.end((_a = answer.body) !== null && _a !== void 0 ? _a : '{}');
            };
            if (answer.delayMs)
                setTimeout(send, answer.delayMs);
            else
                send();
        });
    };
    return ChannelReceiver;
}());
exports.ChannelReceiver = ChannelReceiver;
