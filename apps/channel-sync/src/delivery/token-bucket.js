"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TokenBucket = void 0;
/**
 * A channel's rate limit: `ratePerSecond` tokens a second, holding at most one
 * second's worth, so an idle channel may take a short burst but never more than
 * its rate over any second and a half. Time is passed in, which keeps it pure.
 */
var TokenBucket = /** @class */ (function () {
    function TokenBucket(ratePerSecond, now) {
        this.ratePerSecond = ratePerSecond;
        this.capacity = Math.max(1, ratePerSecond);
        this.tokens = this.capacity;
        this.refilledAt = now;
    }
    TokenBucket.prototype.tryTake = function (now) {
        this.refill(now);
        if (this.tokens < 1)
            return false;
        this.tokens -= 1;
        return true;
    };
    /** When the next token will be there (now if one is). */
    TokenBucket.prototype.nextTokenAt = function (now) {
        this.refill(now);
        if (this.tokens >= 1)
            return now;
        return now + Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond);
    };
    TokenBucket.prototype.refill = function (now) {
        var elapsed = Math.max(0, now - this.refilledAt);
        this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.ratePerSecond) / 1000);
        this.refilledAt = now;
    };
    return TokenBucket;
}());
exports.TokenBucket = TokenBucket;
