"use strict";
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.COMPACTION_JOBS = void 0;
exports.compactionJobs = compactionJobs;
/** Injection token of every job the runner loops over (an array of CompactionJob). */
exports.COMPACTION_JOBS = Symbol('COMPACTION_JOBS');
/**
 * Nest has no multi-providers: this registers each job class as a provider and
 * collects the instances under COMPACTION_JOBS. Add a job by adding its class to
 * the list in compaction.module.ts.
 */
function compactionJobs(jobs) {
    return __spreadArray(__spreadArray([], jobs, true), [{ provide: exports.COMPACTION_JOBS, inject: jobs, useFactory: function () {
                var instances = [];
                for (var _i = 0; _i < arguments.length; _i++) {
                    instances[_i] = arguments[_i];
                }
                return instances;
            } }], false);
}
