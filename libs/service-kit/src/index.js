"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
__exportStar(require("./service-kit.module"), exports);
__exportStar(require("./auth/channel-auth.guard"), exports);
__exportStar(require("./auth/channel-tokens"), exports);
__exportStar(require("./auth/access.decorator"), exports);
__exportStar(require("./auth/current-channel.decorator"), exports);
__exportStar(require("./health/readiness"), exports);
__exportStar(require("./metrics/metric"), exports);
__exportStar(require("./metrics/metric-refresh"), exports);
__exportStar(require("./metrics/default-metrics"), exports);
__exportStar(require("./http/validation-pipe"), exports);
__exportStar(require("./http/start-http-service"), exports);
__exportStar(require("./http/http-tracing"), exports);
__exportStar(require("./http/empty-json-body"), exports);
__exportStar(require("./batching/coalescer"), exports);
__exportStar(require("./jobs/job-loop"), exports);
