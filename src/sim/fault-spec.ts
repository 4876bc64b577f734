import type { FaultChanges } from './model.js';
import type { Tamper } from './model.js';

/** Faults as written on the command line: `KIND[=VALUE][@TARGETS]`. */
export interface FaultSpec {
  changes: FaultChanges;
  /** Camera numbers (1-based) or names; undefined means every camera. */
  targets: string[] | undefined;
}

const FLAGS: Record<string, keyof FaultChanges> = {
  offline: 'offline',
  'no-http': 'httpDown',
  'onvif-off': 'onvifOff',
  'wrong-password': 'wrongPassword',
  'no-ptz': 'noPtz',
  'no-absolute-move': 'noAbsoluteMove',
  'ignore-encoder': 'ignoreEncoderChanges',
  'malformed-xml': 'malformedXml',
  'rtsp-down': 'rtspDown',
  'no-recording': 'noRecording',
  'sd-full': 'sdFull',
};

const TAMPER_KINDS = ['covered', 'bagged', 'turned', 'upside-down', 'defocused', 'sprayed', 'nudged'] as const;

export const FAULT_KINDS = [
  ...Object.keys(FLAGS),
  'latency=MS',
  'drop=SHARE',
  'probe-loss=SHARE',
  'skew=SECONDS',
  `tampered=${TAMPER_KINDS.join('|')}|panned=DEGREES`,
  'time=HH:MM',
  'recording-stopped=HOURS',
  'retention=DAYS',
];

/** `22:30` → 22.5. */
function timeOfDay(value: string | undefined): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value ?? '');
  const hours = Number(m?.[1]);
  const minutes = Number(m?.[2]);
  if (!m || hours > 23 || minutes > 59)
    throw new RangeError("fault 'time' is time=HH:MM, the time of day the pictures show, as in time=22:30");
  return hours + minutes / 60;
}

function tamper(value: string | undefined): Tamper {
  const panned = /^panned=(-?\d+(?:\.\d+)?)$/.exec(value ?? '');
  if (panned) return { kind: 'panned', degrees: Number(panned[1]) };
  if ((TAMPER_KINDS as readonly string[]).includes(value ?? '')) return { kind: value as (typeof TAMPER_KINDS)[number] };
  throw new RangeError(`fault 'tampered' is tampered=${TAMPER_KINDS.join('|')} or tampered=panned=DEGREES`);
}

function number(kind: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new RangeError(`fault '${kind}' needs a number from ${min} to ${max}, as in ${kind}=${max === 1 ? '0.2' : '500'}`);
  }
  return n;
}

/** Parses one `--fault` value; throws RangeError with a message that lists what is accepted. */
export function parseFaultSpec(text: string): FaultSpec {
  const at = text.indexOf('@');
  const body = at === -1 ? text : text.slice(0, at);
  const targets = at === -1 ? undefined : expandTargets(text.slice(at + 1));
  // Only the first '=' separates: tampered=panned=30 has a value with its own.
  const eq = body.indexOf('=');
  const kind = eq === -1 ? body : body.slice(0, eq);
  const value = eq === -1 ? undefined : body.slice(eq + 1);
  const flag = FLAGS[kind];
  if (flag) {
    if (value !== undefined) throw new RangeError(`fault '${kind}' takes no value`);
    return { changes: { [flag]: true }, targets };
  }
  switch (kind) {
    case 'latency':
      return { changes: { latencyMs: number(kind, value, 0, 600_000) }, targets };
    case 'drop':
      return { changes: { dropRate: number(kind, value, 0, 1) }, targets };
    case 'probe-loss':
      return { changes: { probeLoss: number(kind, value, 0, 1) }, targets };
    case 'recording-stopped':
      return { changes: { recordingStoppedHours: number(kind, value, 0, 100_000) }, targets };
    case 'retention':
      return { changes: { retentionDays: number(kind, value, 0, 10_000) }, targets };
    case 'skew':
      return { changes: { clockSkewSeconds: number(kind, value, -1e9, 1e9) }, targets };
    case 'tampered':
      return { changes: { tampered: tamper(value) }, targets };
    case 'time':
      return { changes: { timeOfDay: timeOfDay(value) }, targets };
    default:
      throw new RangeError(`unknown fault '${kind}'; known faults: ${FAULT_KINDS.join(', ')}`);
  }
}

/** `1,3,5-7,cam-010` → ['1','3','5','6','7','cam-010']. */
export function expandTargets(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',').filter(Boolean)) {
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to < from || to - from > 100_000) throw new RangeError(`bad camera range '${part}'`);
      for (let i = from; i <= to; i++) out.push(String(i));
    } else out.push(part);
  }
  if (out.length === 0)
    throw new RangeError('nothing after @: name cameras by number (1-based) or name, as in offline@3 or latency=200@1-5');
  return out;
}

/** Whether camera number `index` (0-based) named `name` is among a spec's targets. */
export function targetsCamera(spec: FaultSpec, index: number, name: string): boolean {
  return spec.targets === undefined || spec.targets.includes(String(index + 1)) || spec.targets.includes(name);
}
