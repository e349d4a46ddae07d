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
__exportStar(require("./redis-keys"), exports);
__exportStar(require("./redis-client"), exports);
__exportStar(require("./reservation-ids"), exports);
__exportStar(require("./redis-stock"), exports);
__exportStar(require("./reservation-records"), exports);
__exportStar(require("./hydration-plan"), exports);
__exportStar(require("./hydration"), exports);
__exportStar(require("./checkout"), exports);
__exportStar(require("./holds"), exports);
__exportStar(require("./hold-expiry"), exports);
__exportStar(require("./reconciliation"), exports);
__exportStar(require("./outbox-relay"), exports);
__exportStar(require("./outbox-depth"), exports);
__exportStar(require("./stock-level-updates"), exports);
__exportStar(require("./reservation-metrics"), exports);
__exportStar(require("./reservations.module"), exports);
