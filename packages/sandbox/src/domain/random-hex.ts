/** @module Random identifiers from a pooled CSPRNG: one `randomFillSync` per 4 KiB, not per id. */
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

/**
 * `bytes` random bytes (from `node:crypto`), as lower-case hex; no byte is ever handed out twice.
 *
 * @example
 * ```ts
 * randomHex(16); // 'c4f1…' (32 characters)
 * ```
 */
export function randomHex(bytes: number): string {
  if (bytes > POOL_BYTES) return randomFillSync(Buffer.alloc(bytes)).toString('hex');
  if (offset + bytes > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return hex;
}
