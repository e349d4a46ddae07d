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
exports.Coalescer = void 0;
/**
 * Turns concurrent single calls into batch calls: while `concurrency` batches
 * are in flight, new items wait and go together in the next one (up to
 * `maxBatch`). Alone, an item goes at once. Under load this turns thousands of
 * round trips and commits per second into a few hundred, which is what keeps
 * checkout fast on a small machine. `run` answers one result per item, in order;
 * if it throws, every item of the batch gets the error.
 */
var Coalescer = /** @class */ (function () {
    function Coalescer(run, concurrency, maxBatch) {
        if (concurrency === void 0) { concurrency = 2; }
        if (maxBatch === void 0) { maxBatch = 1000; }
        this.run = run;
        this.concurrency = concurrency;
        this.maxBatch = maxBatch;
        this.queue = [];
        this.inFlight = 0;
    }
    Coalescer.prototype.submit = function (item) {
        var _this = this;
        return new Promise(function (resolve, reject) {
            _this.queue.push({ item: item, resolve: resolve, reject: reject });
            if (_this.inFlight < _this.concurrency)
                void _this.drain();
        });
    };
    Coalescer.prototype.drain = function () {
        return __awaiter(this, void 0, void 0, function () {
            var _loop_1, this_1;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        this.inFlight++;
                        _loop_1 = function () {
                            var batch, results_1, error_1;
                            return __generator(this, function (_b) {
                                switch (_b.label) {
                                    case 0:
                                        batch = this_1.queue.splice(0, this_1.maxBatch);
                                        _b.label = 1;
                                    case 1:
                                        _b.trys.push([1, 3, , 4]);
                                        return [4 /*yield*/, this_1.run(batch.map(function (w) { return w.item; }))];
                                    case 2:
                                        results_1 = _b.sent();
                                        batch.forEach(function (w, i) { return w.resolve(results_1[i]); });
                                        return [3 /*break*/, 4];
                                    case 3:
                                        error_1 = _b.sent();
                                        batch.forEach(function (w) { return w.reject(error_1); });
                                        return [3 /*break*/, 4];
                                    case 4: return [2 /*return*/];
                                }
                            });
                        };
                        this_1 = this;
                        _a.label = 1;
                    case 1:
                        if (!(this.queue.length > 0)) return [3 /*break*/, 3];
                        return [5 /*yield**/, _loop_1()];
                    case 2:
                        _a.sent();
                        return [3 /*break*/, 1];
                    case 3:
                        this.inFlight--;
                        return [2 /*return*/];
                }
            });
        });
    };
    return Coalescer;
}());
exports.Coalescer = Coalescer;
