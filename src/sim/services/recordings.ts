import { textAt } from '../../xml/parse.js';
import { xmlEscape as x } from '../../xml/escape.js';
import { invalidArgVal } from '../soap/fault.js';
import type { OperationContext, ServiceCamera } from './context.js';

/**
 * The one recording a simulated camera keeps on its card (Profile G): its main stream's video and
 * metadata tracks, spanning what the storage model says the card holds.
 */
export const RECORDING_TOKEN = 'Recording_1';
export const RECORDING_TRACKS = [
  { token: 'VIDEO001', type: 'Video', description: 'main stream video' },
  { token: 'META001', type: 'Metadata', description: 'motion and tamper events' },
] as const;

/** xs:dateTime in UTC, whole seconds. */
export const dateTimeOf = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** Refuses a recording token the camera does not have, with the fault the search and replay services send. */
export function requireRecording({ request }: OperationContext): string {
  const token = textAt(request, 'RecordingToken')?.trim() ?? '';
  if (token !== RECORDING_TOKEN) throw invalidArgVal('NoRecording', `There is no recording '${token}'`);
  return token;
}

/** tt:RecordingSourceInformation of the camera's own video source. */
export function recordingSource(camera: ServiceCamera, tag: string): string {
  return (
    `<${tag}><tt:SourceId>${x(camera.serviceUrl('device'))}</tt:SourceId><tt:Name>${x(camera.name.slice(0, 64))}</tt:Name>` +
    `<tt:Location>${x(camera.location ?? '')}</tt:Location><tt:Description>${x(`${camera.identity.model} main stream`)}</tt:Description>` +
    `<tt:Address>${x(camera.serviceUrl('device'))}</tt:Address></${tag}>`
  );
}

/** tt:RecordingInformation: the span on the card per track, and whether it is recording now. */
export function recordingInformation(camera: ServiceCamera, tag: string, sparse = false): string {
  const span = camera.recordedSpan();
  // What a sparse search result keeps: the elements the schema requires, and no span.
  if (sparse)
    return (
      `<${tag}><tt:RecordingToken>${RECORDING_TOKEN}</tt:RecordingToken>${recordingSource(camera, 'tt:Source')}` +
      `<tt:Content>continuous recording to the on-board card</tt:Content><tt:RecordingStatus>Unknown</tt:RecordingStatus></${tag}>`
    );
  const from = dateTimeOf(span.from);
  const until = dateTimeOf(span.until);
  const tracks = RECORDING_TRACKS.map(
    (t) =>
      `<tt:Track><tt:TrackToken>${t.token}</tt:TrackToken><tt:TrackType>${t.type}</tt:TrackType>` +
      `<tt:Description>${t.description}</tt:Description><tt:DataFrom>${from}</tt:DataFrom><tt:DataTo>${until}</tt:DataTo></tt:Track>`,
  ).join('');
  return (
    `<${tag}><tt:RecordingToken>${RECORDING_TOKEN}</tt:RecordingToken>${recordingSource(camera, 'tt:Source')}` +
    `<tt:EarliestRecording>${from}</tt:EarliestRecording><tt:LatestRecording>${until}</tt:LatestRecording>` +
    `<tt:Content>continuous recording to the on-board card</tt:Content>${tracks}` +
    `<tt:RecordingStatus>${span.recording ? 'Recording' : 'Stopped'}</tt:RecordingStatus></${tag}>`
  );
}
