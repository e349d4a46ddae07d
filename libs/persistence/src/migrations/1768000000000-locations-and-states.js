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
Object.defineProperty(exports, "__esModule", { value: true });
exports.LocationsAndStates1768000000000 = void 0;
/**
 * Quantity states per location (committed, held, damaged, quality control,
 * safety stock, incoming by document), reservations taken at locations, and the
 * journal's state deltas and reference documents (docs/ledger.md, docs/pools.md).
 * Projections of an existing deployment should be rebuilt with `npm run replay`
 * after this migration: reservations made before it carry no allocations.
 */
var LocationsAndStates1768000000000 = /** @class */ (function () {
    function LocationsAndStates1768000000000() {
        this.name = 'LocationsAndStates1768000000000';
    }
    LocationsAndStates1768000000000.prototype.up = function (q) {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, q.query("\n      ALTER TABLE stock_locations\n        ADD COLUMN committed       bigint NOT NULL DEFAULT 0,\n        ADD COLUMN reserved        bigint NOT NULL DEFAULT 0,\n        ADD COLUMN damaged         bigint NOT NULL DEFAULT 0,\n        ADD COLUMN quality_control bigint NOT NULL DEFAULT 0,\n        ADD COLUMN safety_stock    bigint NOT NULL DEFAULT 0,\n        ADD COLUMN incoming        jsonb  NOT NULL DEFAULT '{}'")];
                    case 1:
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      ALTER TABLE reservations\n        ADD COLUMN kind        varchar(8) NOT NULL DEFAULT 'order',\n        ADD COLUMN allocations jsonb      NOT NULL DEFAULT '[]'")];
                    case 2:
                        _a.sent();
                        return [4 /*yield*/, q.query("UPDATE reservations SET kind = 'hold' WHERE reservation_id LIKE 'hold:%'")];
                    case 3:
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      ALTER TABLE snapshot_stock_locations\n        ADD COLUMN committed       bigint NOT NULL DEFAULT 0,\n        ADD COLUMN reserved        bigint NOT NULL DEFAULT 0,\n        ADD COLUMN damaged         bigint NOT NULL DEFAULT 0,\n        ADD COLUMN quality_control bigint NOT NULL DEFAULT 0,\n        ADD COLUMN safety_stock    bigint NOT NULL DEFAULT 0,\n        ADD COLUMN incoming        jsonb  NOT NULL DEFAULT '{}'")];
                    case 4:
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      ALTER TABLE snapshot_reservations\n        ADD COLUMN kind        varchar(8) NOT NULL DEFAULT 'order',\n        ADD COLUMN allocations jsonb      NOT NULL DEFAULT '[]'")];
                    case 5:
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      ALTER TABLE journal\n        ADD COLUMN available_delta        bigint,\n        ADD COLUMN state_deltas           jsonb,\n        ADD COLUMN allocations            jsonb,\n        ADD COLUMN reference_document_uri varchar(255)")];
                    case 6:
                        _a.sent();
                        // GET /v1/ledger?reference=: one document's entries, newest first.
                        return [4 /*yield*/, q.query("\n      CREATE INDEX journal_reference_idx ON journal (reference_document_uri, recorded_at DESC, event_id)\n      WHERE reference_document_uri IS NOT NULL")];
                    case 7:
                        // GET /v1/ledger?reference=: one document's entries, newest first.
                        _a.sent();
                        // Pool definitions as the ledger folded them from inventory.pools (replay compares them).
                        return [4 /*yield*/, q.query("\n      CREATE TABLE pools (\n        pool_id    varchar(128) PRIMARY KEY,\n        locations  jsonb        NOT NULL,\n        channels   jsonb        NOT NULL,\n        version    integer      NOT NULL,\n        updated_at timestamptz  NOT NULL DEFAULT now()\n      )")];
                    case 8:
                        // Pool definitions as the ledger folded them from inventory.pools (replay compares them).
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    LocationsAndStates1768000000000.prototype.down = function (q) {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, q.query("DROP TABLE IF EXISTS pools")];
                    case 1:
                        _a.sent();
                        return [4 /*yield*/, q.query("DROP INDEX IF EXISTS journal_reference_idx")];
                    case 2:
                        _a.sent();
                        return [4 /*yield*/, q.query("ALTER TABLE journal DROP COLUMN available_delta, DROP COLUMN state_deltas, DROP COLUMN allocations, DROP COLUMN reference_document_uri")];
                    case 3:
                        _a.sent();
                        return [4 /*yield*/, q.query("ALTER TABLE reservations DROP COLUMN kind, DROP COLUMN allocations")];
                    case 4:
                        _a.sent();
                        return [4 /*yield*/, q.query("ALTER TABLE snapshot_reservations DROP COLUMN kind, DROP COLUMN allocations")];
                    case 5:
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      ALTER TABLE snapshot_stock_locations DROP COLUMN committed, DROP COLUMN reserved, DROP COLUMN damaged,\n        DROP COLUMN quality_control, DROP COLUMN safety_stock, DROP COLUMN incoming")];
                    case 6:
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      ALTER TABLE stock_locations DROP COLUMN committed, DROP COLUMN reserved, DROP COLUMN damaged,\n        DROP COLUMN quality_control, DROP COLUMN safety_stock, DROP COLUMN incoming")];
                    case 7:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    return LocationsAndStates1768000000000;
}());
exports.LocationsAndStates1768000000000 = LocationsAndStates1768000000000;
