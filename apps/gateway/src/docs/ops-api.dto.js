"use strict";
var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrdersWindowDto = exports.OrdersPerMinuteDto = exports.OrderCountsDto = exports.ConsumerLagPageDto = exports.ConsumerLagDto = exports.ServicesDto = exports.ServiceHealthDto = exports.SessionDto = void 0;
var swagger_1 = require("@nestjs/swagger");
/* Response shapes of /v1/ops/* (operator token), for the OpenAPI document. */
var SessionDto = function () {
    var _a;
    var _role_decorators;
    var _role_initializers = [];
    var _role_extraInitializers = [];
    return _a = /** @class */ (function () {
            function SessionDto() {
                this.role = __runInitializers(this, _role_initializers, void 0);
                __runInitializers(this, _role_extraInitializers);
            }
            return SessionDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _role_decorators = [(0, swagger_1.ApiProperty)({ enum: ['operator'] })];
            __esDecorate(null, null, _role_decorators, { kind: "field", name: "role", static: false, private: false, access: { has: function (obj) { return "role" in obj; }, get: function (obj) { return obj.role; }, set: function (obj, value) { obj.role = value; } }, metadata: _metadata }, _role_initializers, _role_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.SessionDto = SessionDto;
var ServiceHealthDto = function () {
    var _a;
    var _name_decorators;
    var _name_initializers = [];
    var _name_extraInitializers = [];
    var _url_decorators;
    var _url_initializers = [];
    var _url_extraInitializers = [];
    var _status_decorators;
    var _status_initializers = [];
    var _status_extraInitializers = [];
    var _checks_decorators;
    var _checks_initializers = [];
    var _checks_extraInitializers = [];
    var _latencyMs_decorators;
    var _latencyMs_initializers = [];
    var _latencyMs_extraInitializers = [];
    return _a = /** @class */ (function () {
            function ServiceHealthDto() {
                this.name = __runInitializers(this, _name_initializers, void 0);
                this.url = (__runInitializers(this, _name_extraInitializers), __runInitializers(this, _url_initializers, void 0));
                this.status = (__runInitializers(this, _url_extraInitializers), __runInitializers(this, _status_initializers, void 0));
                this.checks = (__runInitializers(this, _status_extraInitializers), __runInitializers(this, _checks_initializers, void 0));
                this.latencyMs = (__runInitializers(this, _checks_extraInitializers), __runInitializers(this, _latencyMs_initializers, void 0));
                __runInitializers(this, _latencyMs_extraInitializers);
            }
            return ServiceHealthDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _name_decorators = [(0, swagger_1.ApiProperty)({ example: 'ledger' })];
            _url_decorators = [(0, swagger_1.ApiProperty)()];
            _status_decorators = [(0, swagger_1.ApiProperty)({ enum: ['ok', 'unavailable', 'unreachable'] })];
            _checks_decorators = [(0, swagger_1.ApiProperty)({
                    type: 'object',
                    additionalProperties: { type: 'string' },
                    example: { postgres: 'ok' },
                })];
            _latencyMs_decorators = [(0, swagger_1.ApiProperty)()];
            __esDecorate(null, null, _name_decorators, { kind: "field", name: "name", static: false, private: false, access: { has: function (obj) { return "name" in obj; }, get: function (obj) { return obj.name; }, set: function (obj, value) { obj.name = value; } }, metadata: _metadata }, _name_initializers, _name_extraInitializers);
            __esDecorate(null, null, _url_decorators, { kind: "field", name: "url", static: false, private: false, access: { has: function (obj) { return "url" in obj; }, get: function (obj) { return obj.url; }, set: function (obj, value) { obj.url = value; } }, metadata: _metadata }, _url_initializers, _url_extraInitializers);
            __esDecorate(null, null, _status_decorators, { kind: "field", name: "status", static: false, private: false, access: { has: function (obj) { return "status" in obj; }, get: function (obj) { return obj.status; }, set: function (obj, value) { obj.status = value; } }, metadata: _metadata }, _status_initializers, _status_extraInitializers);
            __esDecorate(null, null, _checks_decorators, { kind: "field", name: "checks", static: false, private: false, access: { has: function (obj) { return "checks" in obj; }, get: function (obj) { return obj.checks; }, set: function (obj, value) { obj.checks = value; } }, metadata: _metadata }, _checks_initializers, _checks_extraInitializers);
            __esDecorate(null, null, _latencyMs_decorators, { kind: "field", name: "latencyMs", static: false, private: false, access: { has: function (obj) { return "latencyMs" in obj; }, get: function (obj) { return obj.latencyMs; }, set: function (obj, value) { obj.latencyMs = value; } }, metadata: _metadata }, _latencyMs_initializers, _latencyMs_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ServiceHealthDto = ServiceHealthDto;
var ServicesDto = function () {
    var _a;
    var _services_decorators;
    var _services_initializers = [];
    var _services_extraInitializers = [];
    return _a = /** @class */ (function () {
            function ServicesDto() {
                this.services = __runInitializers(this, _services_initializers, void 0);
                __runInitializers(this, _services_extraInitializers);
            }
            return ServicesDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _services_decorators = [(0, swagger_1.ApiProperty)({ type: [ServiceHealthDto] })];
            __esDecorate(null, null, _services_decorators, { kind: "field", name: "services", static: false, private: false, access: { has: function (obj) { return "services" in obj; }, get: function (obj) { return obj.services; }, set: function (obj, value) { obj.services = value; } }, metadata: _metadata }, _services_initializers, _services_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ServicesDto = ServicesDto;
var ConsumerLagDto = function () {
    var _a;
    var _group_decorators;
    var _group_initializers = [];
    var _group_extraInitializers = [];
    var _topic_decorators;
    var _topic_initializers = [];
    var _topic_extraInitializers = [];
    var _partition_decorators;
    var _partition_initializers = [];
    var _partition_extraInitializers = [];
    var _committedOffset_decorators;
    var _committedOffset_initializers = [];
    var _committedOffset_extraInitializers = [];
    var _logEndOffset_decorators;
    var _logEndOffset_initializers = [];
    var _logEndOffset_extraInitializers = [];
    var _lag_decorators;
    var _lag_initializers = [];
    var _lag_extraInitializers = [];
    return _a = /** @class */ (function () {
            function ConsumerLagDto() {
                this.group = __runInitializers(this, _group_initializers, void 0);
                this.topic = (__runInitializers(this, _group_extraInitializers), __runInitializers(this, _topic_initializers, void 0));
                this.partition = (__runInitializers(this, _topic_extraInitializers), __runInitializers(this, _partition_initializers, void 0));
                this.committedOffset = (__runInitializers(this, _partition_extraInitializers), __runInitializers(this, _committedOffset_initializers, void 0));
                this.logEndOffset = (__runInitializers(this, _committedOffset_extraInitializers), __runInitializers(this, _logEndOffset_initializers, void 0));
                this.lag = (__runInitializers(this, _logEndOffset_extraInitializers), __runInitializers(this, _lag_initializers, void 0));
                __runInitializers(this, _lag_extraInitializers);
            }
            return ConsumerLagDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _group_decorators = [(0, swagger_1.ApiProperty)({ example: 'stockflow-ledger' })];
            _topic_decorators = [(0, swagger_1.ApiProperty)({ example: 'inventory.events' })];
            _partition_decorators = [(0, swagger_1.ApiProperty)()];
            _committedOffset_decorators = [(0, swagger_1.ApiProperty)({ description: '-1 when the group has committed nothing on the partition' })];
            _logEndOffset_decorators = [(0, swagger_1.ApiProperty)()];
            _lag_decorators = [(0, swagger_1.ApiProperty)({ description: 'messages behind the log end' })];
            __esDecorate(null, null, _group_decorators, { kind: "field", name: "group", static: false, private: false, access: { has: function (obj) { return "group" in obj; }, get: function (obj) { return obj.group; }, set: function (obj, value) { obj.group = value; } }, metadata: _metadata }, _group_initializers, _group_extraInitializers);
            __esDecorate(null, null, _topic_decorators, { kind: "field", name: "topic", static: false, private: false, access: { has: function (obj) { return "topic" in obj; }, get: function (obj) { return obj.topic; }, set: function (obj, value) { obj.topic = value; } }, metadata: _metadata }, _topic_initializers, _topic_extraInitializers);
            __esDecorate(null, null, _partition_decorators, { kind: "field", name: "partition", static: false, private: false, access: { has: function (obj) { return "partition" in obj; }, get: function (obj) { return obj.partition; }, set: function (obj, value) { obj.partition = value; } }, metadata: _metadata }, _partition_initializers, _partition_extraInitializers);
            __esDecorate(null, null, _committedOffset_decorators, { kind: "field", name: "committedOffset", static: false, private: false, access: { has: function (obj) { return "committedOffset" in obj; }, get: function (obj) { return obj.committedOffset; }, set: function (obj, value) { obj.committedOffset = value; } }, metadata: _metadata }, _committedOffset_initializers, _committedOffset_extraInitializers);
            __esDecorate(null, null, _logEndOffset_decorators, { kind: "field", name: "logEndOffset", static: false, private: false, access: { has: function (obj) { return "logEndOffset" in obj; }, get: function (obj) { return obj.logEndOffset; }, set: function (obj, value) { obj.logEndOffset = value; } }, metadata: _metadata }, _logEndOffset_initializers, _logEndOffset_extraInitializers);
            __esDecorate(null, null, _lag_decorators, { kind: "field", name: "lag", static: false, private: false, access: { has: function (obj) { return "lag" in obj; }, get: function (obj) { return obj.lag; }, set: function (obj, value) { obj.lag = value; } }, metadata: _metadata }, _lag_initializers, _lag_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ConsumerLagDto = ConsumerLagDto;
var ConsumerLagPageDto = function () {
    var _a;
    var _partitions_decorators;
    var _partitions_initializers = [];
    var _partitions_extraInitializers = [];
    return _a = /** @class */ (function () {
            function ConsumerLagPageDto() {
                this.partitions = __runInitializers(this, _partitions_initializers, void 0);
                __runInitializers(this, _partitions_extraInitializers);
            }
            return ConsumerLagPageDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _partitions_decorators = [(0, swagger_1.ApiProperty)({ type: [ConsumerLagDto] })];
            __esDecorate(null, null, _partitions_decorators, { kind: "field", name: "partitions", static: false, private: false, access: { has: function (obj) { return "partitions" in obj; }, get: function (obj) { return obj.partitions; }, set: function (obj, value) { obj.partitions = value; } }, metadata: _metadata }, _partitions_initializers, _partitions_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ConsumerLagPageDto = ConsumerLagPageDto;
var OrderCountsDto = function () {
    var _a;
    var _received_decorators;
    var _received_initializers = [];
    var _received_extraInitializers = [];
    var _pending_decorators;
    var _pending_initializers = [];
    var _pending_extraInitializers = [];
    var _rejected_decorators;
    var _rejected_initializers = [];
    var _rejected_extraInitializers = [];
    return _a = /** @class */ (function () {
            function OrderCountsDto() {
                this.received = __runInitializers(this, _received_initializers, void 0);
                this.pending = (__runInitializers(this, _received_extraInitializers), __runInitializers(this, _pending_initializers, void 0));
                this.rejected = (__runInitializers(this, _pending_extraInitializers), __runInitializers(this, _rejected_initializers, void 0));
                __runInitializers(this, _rejected_extraInitializers);
            }
            return OrderCountsDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _received_decorators = [(0, swagger_1.ApiProperty)()];
            _pending_decorators = [(0, swagger_1.ApiProperty)()];
            _rejected_decorators = [(0, swagger_1.ApiProperty)()];
            __esDecorate(null, null, _received_decorators, { kind: "field", name: "received", static: false, private: false, access: { has: function (obj) { return "received" in obj; }, get: function (obj) { return obj.received; }, set: function (obj, value) { obj.received = value; } }, metadata: _metadata }, _received_initializers, _received_extraInitializers);
            __esDecorate(null, null, _pending_decorators, { kind: "field", name: "pending", static: false, private: false, access: { has: function (obj) { return "pending" in obj; }, get: function (obj) { return obj.pending; }, set: function (obj, value) { obj.pending = value; } }, metadata: _metadata }, _pending_initializers, _pending_extraInitializers);
            __esDecorate(null, null, _rejected_decorators, { kind: "field", name: "rejected", static: false, private: false, access: { has: function (obj) { return "rejected" in obj; }, get: function (obj) { return obj.rejected; }, set: function (obj, value) { obj.rejected = value; } }, metadata: _metadata }, _rejected_initializers, _rejected_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.OrderCountsDto = OrderCountsDto;
var OrdersPerMinuteDto = function () {
    var _a;
    var _classSuper = OrderCountsDto;
    var _minute_decorators;
    var _minute_initializers = [];
    var _minute_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(OrdersPerMinuteDto, _super);
            function OrdersPerMinuteDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.minute = __runInitializers(_this, _minute_initializers, void 0);
                __runInitializers(_this, _minute_extraInitializers);
                return _this;
            }
            return OrdersPerMinuteDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _minute_decorators = [(0, swagger_1.ApiProperty)({ format: 'date-time' })];
            __esDecorate(null, null, _minute_decorators, { kind: "field", name: "minute", static: false, private: false, access: { has: function (obj) { return "minute" in obj; }, get: function (obj) { return obj.minute; }, set: function (obj, value) { obj.minute = value; } }, metadata: _metadata }, _minute_initializers, _minute_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.OrdersPerMinuteDto = OrdersPerMinuteDto;
var OrdersWindowDto = function () {
    var _a;
    var _minutes_decorators;
    var _minutes_initializers = [];
    var _minutes_extraInitializers = [];
    var _totals_decorators;
    var _totals_initializers = [];
    var _totals_extraInitializers = [];
    var _perMinute_decorators;
    var _perMinute_initializers = [];
    var _perMinute_extraInitializers = [];
    return _a = /** @class */ (function () {
            function OrdersWindowDto() {
                this.minutes = __runInitializers(this, _minutes_initializers, void 0);
                this.totals = (__runInitializers(this, _minutes_extraInitializers), __runInitializers(this, _totals_initializers, void 0));
                this.perMinute = (__runInitializers(this, _totals_extraInitializers), __runInitializers(this, _perMinute_initializers, void 0));
                __runInitializers(this, _perMinute_extraInitializers);
            }
            return OrdersWindowDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _minutes_decorators = [(0, swagger_1.ApiProperty)({ example: 15 })];
            _totals_decorators = [(0, swagger_1.ApiProperty)({ type: OrderCountsDto, description: 'orders created in the window, by status now' })];
            _perMinute_decorators = [(0, swagger_1.ApiProperty)({ type: [OrdersPerMinuteDto] })];
            __esDecorate(null, null, _minutes_decorators, { kind: "field", name: "minutes", static: false, private: false, access: { has: function (obj) { return "minutes" in obj; }, get: function (obj) { return obj.minutes; }, set: function (obj, value) { obj.minutes = value; } }, metadata: _metadata }, _minutes_initializers, _minutes_extraInitializers);
            __esDecorate(null, null, _totals_decorators, { kind: "field", name: "totals", static: false, private: false, access: { has: function (obj) { return "totals" in obj; }, get: function (obj) { return obj.totals; }, set: function (obj, value) { obj.totals = value; } }, metadata: _metadata }, _totals_initializers, _totals_extraInitializers);
            __esDecorate(null, null, _perMinute_decorators, { kind: "field", name: "perMinute", static: false, private: false, access: { has: function (obj) { return "perMinute" in obj; }, get: function (obj) { return obj.perMinute; }, set: function (obj, value) { obj.perMinute = value; } }, metadata: _metadata }, _perMinute_initializers, _perMinute_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.OrdersWindowDto = OrdersWindowDto;
