"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIGRATIONS = void 0;
var _1764000000000_ledger_schema_1 = require("./1764000000000-ledger-schema");
var _1765000000000_orders_schema_1 = require("./1765000000000-orders-schema");
var _1766000000000_snapshots_1 = require("./1766000000000-snapshots");
var _1766000000001_journal_reservations_index_1 = require("./1766000000001-journal-reservations-index");
var _1764000000001_bulk_jobs_1 = require("./1764000000001-bulk-jobs");
var _1767000000000_channel_dead_letters_1 = require("./1767000000000-channel-dead-letters");
var _1768000000000_locations_and_states_1 = require("./1768000000000-locations-and-states");
var _1768000000100_offsets_log_binding_1 = require("./1768000000100-offsets-log-binding");
var _1768000000200_orders_created_at_index_1 = require("./1768000000200-orders-created-at-index");
var _1769000000000_channel_pool_resends_1 = require("./1769000000000-channel-pool-resends");
/** Every migration, oldest first. A new migration is a new file added at the end of this list. */
exports.MIGRATIONS = [
    _1764000000000_ledger_schema_1.LedgerSchema1764000000000,
    _1764000000001_bulk_jobs_1.BulkJobs1764000000001,
    _1765000000000_orders_schema_1.OrdersSchema1765000000000,
    _1766000000000_snapshots_1.Snapshots1766000000000,
    _1766000000001_journal_reservations_index_1.JournalReservationsIndex1766000000001,
    _1767000000000_channel_dead_letters_1.ChannelDeadLetters1767000000000,
    _1768000000000_locations_and_states_1.LocationsAndStates1768000000000,
    _1768000000100_offsets_log_binding_1.OffsetsLogBinding1768000000100,
    _1768000000200_orders_created_at_index_1.OrdersCreatedAtIndex1768000000200,
    _1769000000000_channel_pool_resends_1.ChannelPoolResends1769000000000,
];
