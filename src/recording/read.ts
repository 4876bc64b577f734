import type { OnvifClient } from '../onvif/client.js';
import { SERVICE_NAMESPACE, type ServiceEntry } from '../onvif/device.js';
import { UnsupportedError } from '../onvif/errors.js';
import {
  findRecordings,
  getRecordingInformation,
  getRecordingTokens,
  getReplayUri,
  type RecordingInformation,
} from '../onvif/recording.js';
import { displayText, displayUri } from '../text/display.js';
import { entryOf, type RecordingsRead } from './health.js';

const reason = (err: unknown): string => displayText(err instanceof Error ? err.message : String(err), 160);

/** Whether a search result says all a recording's health needs: a status and every track's span. */
const complete = (info: RecordingInformation | undefined): info is RecordingInformation =>
  info !== undefined && info.status !== 'Unknown' && info.tracks.length > 0 && info.tracks.every((t) => t.from !== null && t.to !== null);

/**
 * Reads a camera's recordings over Profile G: the recordings by a search (or GetRecordings when the camera
 * cannot search), each one's information (from the search results; GetRecordingInformation only when a
 * camera's results leave something out), and with `replay` its replay address (optional). Times are judged
 * on the camera's clock, `cameraNowMs`. A camera without a search service is `no-recording-service`; a
 * required read that fails throws (the caller reports it as a failed read).
 */
export async function readRecordings(
  client: OnvifClient,
  services: ServiceEntry[],
  cameraNowMs: number,
  options: { replay: boolean },
): Promise<RecordingsRead> {
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
  const found = await findRecordings(client).catch(async (err: unknown) => {
    if (!(err instanceof UnsupportedError && has(SERVICE_NAMESPACE.recording))) throw err;
    return new Map((await getRecordingTokens(client)).map((token) => [token, undefined] as const));
  });
  const recordings = await Promise.all(
    [...found].map(async ([token, result]) => {
      const info = complete(result) ? result : await getRecordingInformation(client, token);
      const replayUri =
        options.replay && has(SERVICE_NAMESPACE.replay)
          ? await getReplayUri(client, token).then(displayUri, (err: unknown) => {
              unavailable.push({ field: `replayUri ${token}`, reason: reason(err) });
              return null;
            })
          : null;
      return entryOf(info, cameraNowMs, replayUri);
    }),
  );
  return { available: true, cameraTime: new Date(cameraNowMs).toISOString(), recordings, unavailable };
}
