/** Parses `CHANNEL_TOKENS="pos:tok1,web:tok2"` into token -> channel. */
export function parseChannelTokens(spec: string): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const pair of spec.split(',').filter(Boolean)) {
    const index = pair.indexOf(':');
    tokens.set(pair.slice(index + 1).trim(), pair.slice(0, index).trim());
  }
  return tokens;
}

/** Parses `OPERATOR_TOKENS="tok1,tok2"`. */
export function parseOperatorTokens(spec: string): Set<string> {
  return new Set(
    spec
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  );
}
