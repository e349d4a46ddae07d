import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateSync } from 'class-validator';
import { ConfigError } from '@stockflow/config';
import { flattenValidationErrors } from '@stockflow/contracts';
import { ChannelDefinition } from './channel-definition';

/**
 * Parses the channels file: a JSON array of ChannelDefinition. Every problem is
 * reported at once, each naming the file, the channel index and the field, so
 * a bad deploy fails at startup with what to fix (never at the first update).
 */
export function parseChannels(text: string, file: string): ChannelDefinition[] {
  const problem = (what: string) => new ConfigError([`CHANNELS_FILE ${file}: ${what}`]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw problem(`not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(raw) || raw.length === 0)
    throw problem('must be a non-empty JSON array of channels');
  const problems: string[] = [];
  const channels = raw.map((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(`CHANNELS_FILE ${file}: channels[${index}]: must be an object`);
      return undefined;
    }
    const channel = Object.assign(new ChannelDefinition(), item);
    const errors = validateSync(channel, { whitelist: true, forbidNonWhitelisted: true });
    for (const { field, messages } of flattenValidationErrors(errors)) {
      problems.push(`CHANNELS_FILE ${file}: channels[${index}].${field}: ${messages.join('; ')}`);
    }
    return channel;
  });
  const seen = new Set<string>();
  channels.forEach((channel, index) => {
    if (!channel || typeof channel.name !== 'string') return;
    if (seen.has(channel.name))
      problems.push(
        `CHANNELS_FILE ${file}: channels[${index}].name: '${channel.name}' is used twice`,
      );
    seen.add(channel.name);
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return channels as ChannelDefinition[];
}

export function loadChannels(file: string): ChannelDefinition[] {
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw new ConfigError([`CHANNELS_FILE ${file}: cannot be read (${(error as Error).message})`]);
  }
  return parseChannels(text, file);
}
