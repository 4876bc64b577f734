import type { OnvifClient } from '../onvif/client.js';
import { SERVICE_NAMESPACE, type ServiceEntry } from '../onvif/device.js';
import { UnsupportedError } from '../onvif/errors.js';
import { findRecordingTokens, getRecordingInformation, getRecordingSummary, getRecordingTokens, getReplayUri } from '../onvif/recording.js';
import { displayText, displayUri } from '../text/display.js';
import { entryOf, type RecordingsRead } from './health.js';

const reason = (err: unknown): string => displayText(err instanceof Error ? err.message : String(err), 160);

/**
 * Reads a camera's recordings over Profile G: the summary (optional), the recordings' tokens by a search
 * (or GetRecordings when the camera cannot search), each one's information, and its replay address
 * (optional). Times are judged on the camera's clock, `cameraNowMs`. A camera without a search service
 * is `no-recording-service`; a required read that fails throws (the caller reports it as a failed read).
 */
export async function readRecordings(client: OnvifClient, services: ServiceEntry[], cameraNowMs: number): Promise<RecordingsRead> {
  const has = (ns: string) => services.some((s) => s.namespace === ns);
  if (!has(SERVICE_NAMESPACE.search)) {
    return {
      available: false,
      reason: 'no-recording-service',
      detail: has(SERVICE_NAMESPACE.recording)
        ? 'the camera has a recording service but no recording search service (Profile G), so its footage cannot be read'
        : 'the camera offers no recording search service (ONVIF Profile G): it keeps no footage camfleet can see',
    };
  }
  const unavailable: { field: string; reason: string }[] = [];
  // The summary is only a cross-check: its absence is noted, not a failure.
  const summary = getRecordingSummary(client).catch((err: unknown) => {
    unavailable.push({ field: 'summary', reason: reason(err) });
    return null;
  });
  const tokens = await findRecordingTokens(client).catch((err: unknown) => {
    if (err instanceof UnsupportedError && has(SERVICE_NAMESPACE.recording)) return getRecordingTokens(client);
    throw err;
  });
  const recordings = await Promise.all(
    tokens.map(async (token) => {
      const info = await getRecordingInformation(client, token);
      const replayUri = has(SERVICE_NAMESPACE.replay)
        ? await getReplayUri(client, token).then(displayUri, (err: unknown) => {
            unavailable.push({ field: `replayUri ${token}`, reason: reason(err) });
            return null;
          })
        : null;
      return entryOf(info, cameraNowMs, replayUri);
    }),
  );
  await summary;
  return { available: true, cameraTime: new Date(cameraNowMs).toISOString(), recordings, unavailable };
}
