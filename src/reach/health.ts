/** One health state per camera; warnings add detail without changing it. */
export type HealthState = 'ok' | 'auth-failed' | 'onvif-down' | 'unreachable';
export type HealthWarning = 'clock-skew' | 'slow' | 'stream-down' | 'no-credentials' | 'icmp-unavailable';

export interface StepOutcomes {
  /** 'uninformative' for loopback, where the kernel answers every address. */
  icmp: 'reply' | 'no-reply' | 'unavailable' | 'uninformative' | 'not-sent';
  onvifPortOpen: boolean;
  rtspPortOpen: boolean;
  /** GetSystemDateAndTime answered. */
  onvifAnswered: boolean;
  onvifMs: number | null;
  auth: 'ok' | 'failed' | 'no-credentials' | 'error';
  stream: 'ok' | 'failed' | 'not-checked';
  clockSkewSeconds: number | null;
}

export interface Thresholds {
  maxSkewSeconds: number;
  slowMs: number;
}

/**
 * Decides a camera's state from what each step saw. Pure, so every combination is tested with plain
 * data: ONVIF answers → ok (or auth-failed); else the host answers at all (ICMP, or a port) → onvif-down;
 * else unreachable.
 */
export function healthOf(s: StepOutcomes, t: Thresholds): { state: HealthState; warnings: HealthWarning[] } {
  let state: HealthState;
  if (s.onvifAnswered) state = s.auth === 'failed' ? 'auth-failed' : 'ok';
  else state = s.icmp === 'reply' || s.onvifPortOpen || s.rtspPortOpen ? 'onvif-down' : 'unreachable';
  const warnings: HealthWarning[] = [];
  if (s.clockSkewSeconds !== null && Math.abs(s.clockSkewSeconds) > t.maxSkewSeconds) warnings.push('clock-skew');
  if (s.onvifMs !== null && s.onvifMs > t.slowMs) warnings.push('slow');
  if (state === 'ok' && s.stream === 'failed') warnings.push('stream-down');
  if (s.onvifAnswered && s.auth === 'no-credentials') warnings.push('no-credentials');
  if (s.icmp === 'unavailable') warnings.push('icmp-unavailable');
  return { state, warnings };
}
