"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPLY_TO_HEADER = void 0;
/**
 * Read-your-writes (POST /v1/events?wait=applied). A writer that waits marks its
 * messages on inventory.events with this header, naming the gateway instance to
 * answer; the ledger then produces one EventResultMessage per marked event to
 * inventory.event-results (key = that instance) in the batch that decided it,
 * before the batch commits. Unmarked events cost nothing extra.
 */
exports.REPLY_TO_HEADER = 'stockflow-reply-to';
