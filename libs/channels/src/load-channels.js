"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseChannels = parseChannels;
exports.loadChannels = loadChannels;
var node_fs_1 = require("node:fs");
var node_path_1 = require("node:path");
var class_validator_1 = require("class-validator");
var config_1 = require("@stockflow/config");
var service_kit_1 = require("@stockflow/service-kit");
var channel_definition_1 = require("./channel-definition");
/**
 * Parses the channels file: a JSON array of ChannelDefinition. Every problem is
 * reported at once, each naming the file, the channel index and the field, so
 * a bad deploy fails at startup with what to fix (never at the first update).
 */
function parseChannels(text, file) {
    var problem = function (what) { return new config_1.ConfigError(["CHANNELS_FILE ".concat(file, ": ").concat(what)]); };
    var raw;
    try {
        raw = JSON.parse(text);
    }
    catch (error) {
        throw problem("not valid JSON (".concat(error.message, ")"));
    }
    if (!Array.isArray(raw) || raw.length === 0)
        throw problem('must be a non-empty JSON array of channels');
    var problems = [];
    var channels = raw.map(function (item, index) {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
            problems.push("CHANNELS_FILE ".concat(file, ": channels[").concat(index, "]: must be an object"));
            return undefined;
        }
        var channel = Object.assign(new channel_definition_1.ChannelDefinition(), item);
        var errors = (0, class_validator_1.validateSync)(channel, { whitelist: true, forbidNonWhitelisted: true });
        for (var _i = 0, _a = (0, service_kit_1.flattenValidationErrors)(errors); _i < _a.length; _i++) {
            var _b = _a[_i], field = _b.field, messages = _b.messages;
            problems.push("CHANNELS_FILE ".concat(file, ": channels[").concat(index, "].").concat(field, ": ").concat(messages.join('; ')));
        }
        return channel;
    });
    var seen = new Set();
    channels.forEach(function (channel, index) {
        if (!channel || typeof channel.name !== 'string')
            return;
        if (seen.has(channel.name))
            problems.push("CHANNELS_FILE ".concat(file, ": channels[").concat(index, "].name: '").concat(channel.name, "' is used twice"));
        seen.add(channel.name);
    });
    if (problems.length > 0)
        throw new config_1.ConfigError(problems);
    return channels;
}
function loadChannels(file) {
    var text;
    try {
        text = (0, node_fs_1.readFileSync)((0, node_path_1.resolve)(file), 'utf8');
    }
    catch (error) {
        throw new config_1.ConfigError(["CHANNELS_FILE ".concat(file, ": cannot be read (").concat(error.message, ")")]);
    }
    return parseChannels(text, file);
}
