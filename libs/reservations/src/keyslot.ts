/**
 * The Redis Cluster hash slot of a key, as the cluster spec defines it: CRC16
 * (XMODEM: polynomial 0x1021, initial 0) of the key, or of its hash tag — the
 * bytes between the first `{` and the next `}`, when not empty — modulo 16384.
 * Redis answers CLUSTER KEYSLOT only in cluster mode; this lets a test check
 * the layout on a single node (keyslots.spec.ts) and cross-check a real cluster.
 */
export function keySlot(key: string): number {
  const bytes = Buffer.from(key, 'utf8');
  const open = bytes.indexOf(0x7b);
  if (open >= 0) {
    const close = bytes.indexOf(0x7d, open + 1);
    if (close > open + 1) return crc16(bytes.subarray(open + 1, close)) % 16384;
  }
  return crc16(bytes) % 16384;
}

export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}
