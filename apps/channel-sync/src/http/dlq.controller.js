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
var __runInitializers = (this && this.__runInitializers) || function (thisArg, initializers, value) {
    var useValue = arguments.length > 2;
    for (var i = 0; i < initializers.length; i++) {
        value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
    }
    return useValue ? value : void 0;
};
var __esDecorate = (this && this.__esDecorate) || function (ctor, descriptorIn, decorators, contextIn, initializers, extraInitializers) {
    function accept(f) { if (f !== void 0 && typeof f !== "function") throw new TypeError("Function expected"); return f; }
    var kind = contextIn.kind, key = kind === "getter" ? "get" : kind === "setter" ? "set" : "value";
    var target = !descriptorIn && ctor ? contextIn["static"] ? ctor : ctor.prototype : null;
    var descriptor = descriptorIn || (target ? Object.getOwnPropertyDescriptor(target, contextIn.name) : {});
    var _, done = false;
    for (var i = decorators.length - 1; i >= 0; i--) {
        var context = {};
        for (var p in contextIn) context[p] = p === "access" ? {} : contextIn[p];
        for (var p in contextIn.access) context.access[p] = contextIn.access[p];
        context.addInitializer = function (f) { if (done) throw new TypeError("Cannot add initializers after decoration has completed"); extraInitializers.push(accept(f || null)); };
        var result = (0, decorators[i])(kind === "accessor" ? { get: descriptor.get, set: descriptor.set } : descriptor[key], context);
        if (kind === "accessor") {
            if (result === void 0) continue;
            if (result === null || typeof result !== "object") throw new TypeError("Object expected");
            if (_ = accept(result.get)) descriptor.get = _;
            if (_ = accept(result.set)) descriptor.set = _;
            if (_ = accept(result.init)) initializers.unshift(_);
        }
        else if (_ = accept(result)) {
            if (kind === "field") initializers.unshift(_);
            else descriptor[key] = _;
        }
    }
    if (target) Object.defineProperty(target, contextIn.name, descriptor);
    done = true;
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
var __setFunctionName = (this && this.__setFunctionName) || function (f, name, prefix) {
    if (typeof name === "symbol") name = name.description ? "[".concat(name.description, "]") : "";
    return Object.defineProperty(f, "name", { configurable: true, value: prefix ? "".concat(prefix, " ", name) : name });
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DlqController = void 0;
exports.present = present;
var common_1 = require("@nestjs/common");
var service_kit_1 = require("@stockflow/service-kit");
var dead_letter_store_1 = require("../dlq/dead-letter-store");
var dlq_dto_1 = require("./dlq.dto");
/**
 * Operating a channel's dead letters. Any valid token may list them (they hold
 * stock quantities, which every channel may read through GET /v1/stock); only
 * the channel's operators (its own token by default) and operator tokens may
 * replay, since that makes calls to the channel.
 */
var DlqController = function () {
    var _classDecorators = [(0, common_1.Controller)('v1/channels/:channel/dlq'), (0, common_1.UseGuards)(service_kit_1.ChannelAuthGuard), (0, service_kit_1.AllowAccess)('read')];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _instanceExtraInitializers = [];
    var _list_decorators;
    var _replay_decorators;
    var DlqController = _classThis = /** @class */ (function () {
        function DlqController_1(fleet, store, replayer) {
            this.fleet = (__runInitializers(this, _instanceExtraInitializers), fleet);
            this.store = store;
            this.replayer = replayer;
        }
        DlqController_1.prototype.list = function (_a, query_1) {
            return __awaiter(this, arguments, void 0, function (_b, query) {
                var statuses, limit, rows;
                var _c, _d;
                var channel = _b.channel;
                return __generator(this, function (_e) {
                    switch (_e.label) {
                        case 0:
                            if (channel !== dlq_dto_1.INPUT_DLQ)
                                this.configured(channel);
                            statuses = query.status === 'all' ? dead_letter_store_1.REPLAY_STATUSES : [((_c = query.status) !== null && _c !== void 0 ? _c : 'dead')];
                            limit = (_d = query.limit) !== null && _d !== void 0 ? _d : 50;
                            return [4 /*yield*/, this.store.list(channel === dlq_dto_1.INPUT_DLQ ? null : channel, statuses, limit, query.before)];
                        case 1:
                            rows = _e.sent();
                            return [2 /*return*/, {
                                    channel: channel,
                                    deadLetters: rows.map(present),
                                    nextBefore: rows.length === limit ? rows[rows.length - 1].id : null,
                                }];
                    }
                });
            });
        };
        DlqController_1.prototype.replay = function (_a, body, caller) {
            var channel = _a.channel;
            if (channel === dlq_dto_1.INPUT_DLQ) {
                throw new common_1.ConflictException('poison input messages cannot be replayed: fix the producer and re-publish the stock level');
            }
            var settings = this.configured(channel);
            if (caller.kind === 'channel' && !settings.operators.includes(caller.channel)) {
                throw new common_1.ForbiddenException("token of channel '".concat(caller.channel, "' may not replay dead letters of '").concat(channel, "' (operators: ").concat(settings.operators.join(', '), ")"));
            }
            return this.replayer.replay(channel, body.skus);
        };
        DlqController_1.prototype.configured = function (channel) {
            var settings = this.fleet.settings(channel);
            if (!settings)
                throw new common_1.NotFoundException("unknown channel ".concat(channel));
            return settings;
        };
        return DlqController_1;
    }());
    __setFunctionName(_classThis, "DlqController");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _list_decorators = [(0, common_1.Get)()];
        _replay_decorators = [(0, common_1.Post)('replay'), (0, common_1.HttpCode)(202)];
        __esDecorate(_classThis, null, _list_decorators, { kind: "method", name: "list", static: false, private: false, access: { has: function (obj) { return "list" in obj; }, get: function (obj) { return obj.list; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(_classThis, null, _replay_decorators, { kind: "method", name: "replay", static: false, private: false, access: { has: function (obj) { return "replay" in obj; }, get: function (obj) { return obj.replay; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        DlqController = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return DlqController = _classThis;
}();
exports.DlqController = DlqController;
function present(row) {
    var record = row.record;
    return __assign(__assign({ id: row.id, channel: record.channel, sku: record.sku, code: record.code, reason: record.reason, attempts: record.attempts, update: record.update, payload: record.payload, failedAt: record.failedAt, source: { topic: record.sourceTopic, partition: record.partition, offset: record.offset } }, (record.channel === null ? { originalValue: record.originalValue } : {})), { status: row.status, replayedAt: row.replayedAt, replayedVersion: row.replayedVersion });
}
