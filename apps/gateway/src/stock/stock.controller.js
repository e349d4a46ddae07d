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
var __runInitializers = (this && this.__runInitializers) || function (thisArg, initializers, value) {
    var useValue = arguments.length > 2;
    for (var i = 0; i < initializers.length; i++) {
        value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
    }
    return useValue ? value : void 0;
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
exports.StockController = void 0;
var common_1 = require("@nestjs/common");
var swagger_1 = require("@nestjs/swagger");
var class_transformer_1 = require("class-transformer");
var class_validator_1 = require("class-validator");
var contracts_1 = require("@stockflow/contracts");
var ledger_core_1 = require("@stockflow/ledger-core");
var persistence_1 = require("@stockflow/persistence");
var service_kit_1 = require("@stockflow/service-kit");
var gateway_api_dto_1 = require("../docs/gateway-api.dto");
var SkuParams = function () {
    var _a;
    var _sku_decorators;
    var _sku_initializers = [];
    var _sku_extraInitializers = [];
    return _a = /** @class */ (function () {
            function SkuParams() {
                this.sku = __runInitializers(this, _sku_initializers, void 0);
                __runInitializers(this, _sku_extraInitializers);
            }
            return SkuParams;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _sku_decorators = [(0, swagger_1.ApiProperty)({ pattern: contracts_1.SKU_PATTERN.source, example: 'TSHIRT-RED-M' }), (0, class_validator_1.Matches)(contracts_1.SKU_PATTERN, { message: 'sku must match ^[A-Za-z0-9._-]{1,64}$' })];
            __esDecorate(null, null, _sku_decorators, { kind: "field", name: "sku", static: false, private: false, access: { has: function (obj) { return "sku" in obj; }, get: function (obj) { return obj.sku; }, set: function (obj, value) { obj.sku = value; } }, metadata: _metadata }, _sku_initializers, _sku_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
var LedgerQuery = function () {
    var _a;
    var _limit_decorators;
    var _limit_initializers = [];
    var _limit_extraInitializers = [];
    var _before_decorators;
    var _before_initializers = [];
    var _before_extraInitializers = [];
    return _a = /** @class */ (function () {
            function LedgerQuery() {
                this.limit = __runInitializers(this, _limit_initializers, void 0);
                /** Version cursor: entries strictly older than it (from `nextBefore` of the previous page). */
                this.before = (__runInitializers(this, _limit_extraInitializers), __runInitializers(this, _before_initializers, void 0));
                __runInitializers(this, _before_extraInitializers);
            }
            return LedgerQuery;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _limit_decorators = [(0, swagger_1.ApiPropertyOptional)({ minimum: 1, maximum: 500, default: 50 }), (0, class_validator_1.IsOptional)(), (0, class_transformer_1.Type)(function () { return Number; }), (0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(500)];
            _before_decorators = [(0, swagger_1.ApiPropertyOptional)({ minimum: 1, description: 'version cursor: `nextBefore` of the previous page' }), (0, class_validator_1.IsOptional)(), (0, class_transformer_1.Type)(function () { return Number; }), (0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1)];
            __esDecorate(null, null, _limit_decorators, { kind: "field", name: "limit", static: false, private: false, access: { has: function (obj) { return "limit" in obj; }, get: function (obj) { return obj.limit; }, set: function (obj, value) { obj.limit = value; } }, metadata: _metadata }, _limit_initializers, _limit_extraInitializers);
            __esDecorate(null, null, _before_decorators, { kind: "field", name: "before", static: false, private: false, access: { has: function (obj) { return "before" in obj; }, get: function (obj) { return obj.before; }, set: function (obj, value) { obj.before = value; } }, metadata: _metadata }, _before_initializers, _before_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
/** Reads of the ledger's projections (eventually consistent with the log). */
var StockController = function () {
    var _classDecorators = [(0, swagger_1.ApiTags)('stock'), (0, swagger_1.ApiBearerAuth)(), (0, common_1.Controller)('v1/stock'), (0, common_1.UseGuards)(service_kit_1.ChannelAuthGuard), (0, service_kit_1.AllowAccess)('read')];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _instanceExtraInitializers = [];
    var _stock_decorators;
    var _ledger_decorators;
    var StockController = _classThis = /** @class */ (function () {
        function StockController_1(db, pools) {
            this.db = (__runInitializers(this, _instanceExtraInitializers), db);
            this.pools = pools;
        }
        /** The SKU's quantities per location and in total, and every pool's available. */
        StockController_1.prototype.stock = function (_a) {
            return __awaiter(this, arguments, void 0, function (_b) {
                var state;
                var sku = _b.sku;
                return __generator(this, function (_c) {
                    switch (_c.label) {
                        case 0: return [4 /*yield*/, (0, persistence_1.findStockState)(this.db, sku)];
                        case 1:
                            state = _c.sent();
                            if (!state)
                                throw new common_1.NotFoundException("unknown sku ".concat(sku));
                            return [2 /*return*/, __assign(__assign({}, (0, ledger_core_1.stockSnapshot)(state)), { pools: (0, ledger_core_1.poolsAvailable)(state, this.pools.current()) })];
                    }
                });
            });
        };
        StockController_1.prototype.ledger = function (_a, query_1) {
            return __awaiter(this, arguments, void 0, function (_b, query) {
                var page;
                var _c;
                var sku = _b.sku;
                return __generator(this, function (_d) {
                    switch (_d.label) {
                        case 0: return [4 /*yield*/, (0, persistence_1.findJournal)(this.db, sku, (_c = query.limit) !== null && _c !== void 0 ? _c : 50, query.before)];
                        case 1:
                            page = _d.sent();
                            if (page.entries.length === 0 && query.before === undefined) {
                                throw new common_1.NotFoundException("unknown sku ".concat(sku));
                            }
                            return [2 /*return*/, page];
                    }
                });
            });
        };
        return StockController_1;
    }());
    __setFunctionName(_classThis, "StockController");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _stock_decorators = [(0, common_1.Get)(':sku'), (0, swagger_1.ApiOperation)({ summary: "A SKU's stock, in total and per location" }), (0, swagger_1.ApiResponse)({ status: 200, type: gateway_api_dto_1.StockDto }), (0, swagger_1.ApiResponse)({ status: 404, type: gateway_api_dto_1.ErrorDto })];
        _ledger_decorators = [(0, common_1.Get)(':sku/ledger'), (0, swagger_1.ApiOperation)({ summary: "A SKU's journal, newest first, paginated" }), (0, swagger_1.ApiResponse)({ status: 200, type: gateway_api_dto_1.JournalPageDto }), (0, swagger_1.ApiResponse)({ status: 404, type: gateway_api_dto_1.ErrorDto })];
        __esDecorate(_classThis, null, _stock_decorators, { kind: "method", name: "stock", static: false, private: false, access: { has: function (obj) { return "stock" in obj; }, get: function (obj) { return obj.stock; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(_classThis, null, _ledger_decorators, { kind: "method", name: "ledger", static: false, private: false, access: { has: function (obj) { return "ledger" in obj; }, get: function (obj) { return obj.ledger; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        StockController = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return StockController = _classThis;
}();
exports.StockController = StockController;
