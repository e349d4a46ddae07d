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
__exportStar(require("./queryable"), exports);
__exportStar(require("./sql-pool"), exports);
__exportStar(require("./data-source"), exports);
__exportStar(require("./migrations"), exports);
__exportStar(require("./ledger/projection-reader"), exports);
__exportStar(require("./ledger/projection-writer"), exports);
__exportStar(require("./ledger/consumer-offsets"), exports);
__exportStar(require("./ledger/batch-fold"), exports);
__exportStar(require("./ledger/partition-batch"), exports);
__exportStar(require("./ledger/stock-queries"), exports);
__exportStar(require("./ledger/location-levels"), exports);
__exportStar(require("./database.module"), exports);
__exportStar(require("./bulk/bulk-jobs"), exports);
__exportStar(require("./schema-name"), exports);
__exportStar(require("./compaction/advisory-lock"), exports);
__exportStar(require("./compaction/reservation-cleanup"), exports);
__exportStar(require("./compaction/snapshots"), exports);
__exportStar(require("./orders"), exports);
__exportStar(require("./ledger/pool-definitions"), exports);
