/**
 * The UTC offset of a POSIX TZ string such as `ICT-7` or `UTC0` (the form ONVIF uses), in ms to add
 * to UTC. POSIX signs are inverted: `ICT-7` is seven hours ahead of UTC. Daylight rules are ignored.
 * Returns `fallback` when the string is not of that form.
 */
export function posixTzOffsetMs(tz: string, fallback = 0): number {
  const match = /^(?:[A-Za-z]{3,}|<[^>]+>)([+-]?)(\d{1,2})(?::(\d{2}))?/.exec(tz.trim());
  if (!match) return fallback;
  const sign = match[1] === '-' ? 1 : -1;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  if (minutes > 24 * 60) return fallback;
  return sign * minutes * 60_000;
}
