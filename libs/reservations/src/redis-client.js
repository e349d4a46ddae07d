"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createFailClosedRedis = createFailClosedRedis;
var common_1 = require("@nestjs/common");
var ioredis_1 = require("ioredis");
/**
 * A Redis client that fails closed: no offline queue and a short command
 * timeout, so while Redis is unreachable every reservation fails at once (sync
 * checkout answers 503, the queue consumer keeps its orders `received` and
 * retries, jobs back off) instead of waiting. It keeps reconnecting in the
 * background. Call connect() before use.
 */
function createFailClosedRedis(url) {
    var redis = new ioredis_1.default(url, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: 2000,
        retryStrategy: function (attempt) { return Math.min(attempt * 200, 2000); },
    });
    // Connection errors surface to callers as failed commands; log the outage once, not per retry.
    var logger = new common_1.Logger('Redis');
    var down = false;
    redis.on('error', function (error) {
        if (!down)
            logger.error("connection lost: ".concat(error.message));
        down = true;
    });
    redis.on('ready', function () {
        if (down)
            logger.log('connection back');
        down = false;
    });
    return redis;
}
