/** Record written to a dead-letter topic: enough to inspect and to replay the original. */
export interface DeadLetter {
  reason: string;
  /** Machine-readable reason, e.g. `invalid_json`, `schema`, `over_release`. */
  code: string;
  sourceTopic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The original message value, base64, byte for byte. */
  originalValue: string;
  failedAt: string;
  details?: unknown;
}
