import { randomFillSync } from 'node:crypto';

// Random bytes are drawn from the system a few kilobytes at a time: every SOAP call needs a WS-Security nonce
// and every Digest answer a client nonce, and one system call each was a visible share of a watch's CPU.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

/** `size` fresh random bytes (cryptographically strong), never handed out twice. */
export function nonceBytes(size: number): Buffer {
  if (size > POOL_BYTES) return randomFillSync(Buffer.alloc(size));
  if (offset + size > pool.length) {
    // A new buffer each time: slices handed out earlier keep their bytes.
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + size);
  offset += size;
  return bytes;
}
