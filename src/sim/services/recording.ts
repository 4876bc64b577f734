import type { Handler, OperationContext } from './context.js';
import { SERVICE_CAPABILITIES } from './device.js';
import { capacityMs } from '../storage.js';
import { RECORDING_TOKEN, RECORDING_TRACKS, recordingSource } from './recordings.js';

/** The recording control service (Profile G): only its reads. Nothing here starts, stops or deletes. */
function getRecordings({ camera }: OperationContext): string {
  const retentionSeconds = Math.round(capacityMs(camera.storage) / 1000);
  const tracks = RECORDING_TRACKS.map(
    (t) =>
      `<tt:Track><tt:TrackToken>${t.token}</tt:TrackToken><tt:Configuration><tt:TrackType>${t.type}</tt:TrackType>` +
      `<tt:Description>${t.description}</tt:Description></tt:Configuration></tt:Track>`,
  ).join('');
  return (
    `<trc:GetRecordingsResponse><trc:RecordingItem><tt:RecordingToken>${RECORDING_TOKEN}</tt:RecordingToken>` +
    `<tt:Configuration>${recordingSource(camera, 'tt:Source')}<tt:Content>continuous recording to the on-board card</tt:Content>` +
    `<tt:MaximumRetentionTime>PT${retentionSeconds}S</tt:MaximumRetentionTime></tt:Configuration>` +
    `<tt:Tracks>${tracks}</tt:Tracks></trc:RecordingItem></trc:GetRecordingsResponse>`
  );
}

export const recordingHandlers: Record<string, Handler> = {
  GetServiceCapabilities: () =>
    `<trc:GetServiceCapabilitiesResponse>${SERVICE_CAPABILITIES.recording('trc:Capabilities')}</trc:GetServiceCapabilitiesResponse>`,
  GetRecordings: getRecordings,
};
