import { recordingVerdict, type RecordingVerdict } from '../../recording/health.js';
import type { DesiredPoint } from '../desired.js';
import type { Finding, Observation } from '../model.js';
import type { TopicInput } from './context.js';

/** The recording verdict of a point: null when the inventory requires nothing, or the recordings were not read. */
export function recordingVerdictOf(d: DesiredPoint, o: Observation | undefined): RecordingVerdict | null {
  return d.recording && o?.recording ? recordingVerdict(d.recording, o.recording) : null;
}

const HINTS: Record<Exclude<RecordingVerdict['status'], 'ok'>, string> = {
  'not-recording': "check the storage card and that recording is switched on (the camera's web page); see what it keeps with",
  'short-retention': 'fit a larger card, lower the recording bitrate, or record on motion; see what it keeps with',
  'no-recording-service':
    'fit a storage card and switch recording on; if the camera records to an NVR, set "recording": false on the point. See with',
  'no-recordings': "switch recording on (the camera's web page); see what it keeps with",
};

/** A camera that does not keep the footage the inventory asks for needs a person: nothing here changes recordings. */
export function recordingFindings({ d, o, finding }: TopicInput): Finding[] {
  const verdict = recordingVerdictOf(d, o);
  if (!verdict || verdict.status === 'ok') return [];
  return [finding('attention', 'recording', verdict.message, `${HINTS[verdict.status]} 'camfleet recordings ${d.address}'`)];
}
