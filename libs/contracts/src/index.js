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
__exportStar(require("./topics"), exports);
__exportStar(require("./events/event-types"), exports);
__exportStar(require("./events/event-dtos"), exports);
__exportStar(require("./events/parse-event"), exports);
__exportStar(require("./stock-level"), exports);
__exportStar(require("./dead-letter"), exports);
__exportStar(require("./channels/webhook"), exports);
__exportStar(require("./channels/shopify"), exports);
__exportStar(require("./channels/channel-dead-letter"), exports);
__exportStar(require("./channels/channel-availability"), exports);
__exportStar(require("./events/decode-log-message"), exports);
__exportStar(require("./checkout-reservations"), exports);
__exportStar(require("./log/record-fingerprint"), exports);
__exportStar(require("./log/offset-binding"), exports);
__exportStar(require("./log/key-partition"), exports);
__exportStar(require("./pools/pool-types"), exports);
__exportStar(require("./pools/pool-dtos"), exports);
__exportStar(require("./pools/decode-pool-event"), exports);
__exportStar(require("./event-results"), exports);
__exportStar(require("./schemas"), exports);
