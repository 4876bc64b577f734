import { AuthError } from '../onvif/errors.js';
import { displayText } from '../text/display.js';

/** A field a device did not give: which, and why ("the camera does not support GetNTP"). */
export interface Unavailable {
  field: string;
  reason: string;
}

/**
 * Reads several optional fields at once; each that fails becomes null, with its reason in `unavailable`,
 * and the others stand. A refused login is not a missing field: it ends the command as a camera error.
 */
export async function optionalReads<T extends object>(
  reads: {
    [K in keyof T]: Promise<T[K]>;
  },
): Promise<{ values: { [K in keyof T]: T[K] | null }; unavailable: Unavailable[] }> {
  const entries = Object.entries(reads) as [string, Promise<unknown>][];
  const settled = await Promise.allSettled(entries.map(([, p]) => p));
  const values = {} as { [K in keyof T]: T[K] | null };
  const unavailable: Unavailable[] = [];
  settled.forEach((s, i) => {
    const field = entries[i]![0] as keyof T;
    if (s.status === 'fulfilled') values[field] = s.value as T[typeof field];
    else {
      if (s.reason instanceof AuthError) throw s.reason;
      values[field] = null;
      unavailable.push({ field: String(field), reason: displayText(s.reason instanceof Error ? s.reason.message : String(s.reason), 160) });
    }
  });
  return { values, unavailable };
}
