import { NS, XMLNS_TT as TT, xmlnsDefault } from '../soap/namespaces.js';
import { xmlEscape as x } from '../xml/escape.js';
import type { OnvifClient } from './client.js';
import type { Reply } from './reply.js';

/**
 * Profile G reads of the facade: recording search, recording control and replay. Only reads: nothing
 * here creates, starts, stops or deletes a recording (a search is ended, which frees it on the camera).
 */

const TSE = xmlnsDefault(NS.tse);
const TRC = xmlnsDefault(NS.trc);
const TRP = xmlnsDefault(NS.trp);

export interface RecordingTrack {
  token: string;
  type: string;
  /** xs:dateTime as the camera wrote it (its own clock); null when absent or not a time. */
  from: string | null;
  to: string | null;
}

export interface RecordingInformation {
  token: string;
  source: { id: string; name: string; location: string };
  /** The camera's RecordingStatus: Recording, Stopped, Initiated, Removing, Removed, Unknown. */
  status: string;
  earliest: string | null;
  latest: string | null;
  tracks: RecordingTrack[];
}

/** An xs:dateTime the camera sent, kept as ISO text when it parses; a camera may leave out the zone (UTC then). */
function dateTime(text: string | undefined): string | null {
  if (!text) return null;
  const withZone = /(Z|[+-]\d\d:\d\d)$/.test(text) ? text : `${text}Z`;
  const ms = Date.parse(withZone);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function information(r: Reply): RecordingInformation {
  return {
    token: r.text('RecordingToken') ?? '',
    source: { id: r.text('Source', 'SourceId') ?? '', name: r.text('Source', 'Name') ?? '', location: r.text('Source', 'Location') ?? '' },
    status: r.text('RecordingStatus') ?? 'Unknown',
    earliest: dateTime(r.text('EarliestRecording')),
    latest: dateTime(r.text('LatestRecording')),
    tracks: r.all('Track').map((t) => ({
      token: t.text('TrackToken') ?? '',
      type: t.text('TrackType') ?? '',
      from: dateTime(t.text('DataFrom')),
      to: dateTime(t.text('DataTo')),
    })),
  };
}

/** Results are asked for at most this many times: a camera that never says Completed does not hold the run. */
const MAX_RESULT_ROUNDS = 10;

/**
 * FindRecordings over every recording, then GetRecordingSearchResults until the search is Completed,
 * then EndSearch (always, so the camera frees the search). Returns what the results say of each recording
 * (tt:RecordingInformation, the same as GetRecordingInformation gives), by token.
 */
export async function findRecordings(c: OnvifClient): Promise<Map<string, RecordingInformation>> {
  const started = await c.call(
    'search',
    'FindRecordings',
    `<FindRecordings ${TSE}><Scope/><MaxMatches>100</MaxMatches><KeepAliveTime>PT10S</KeepAliveTime></FindRecordings>`,
  );
  const search = started.text('SearchToken') ?? '';
  const found = new Map<string, RecordingInformation>();
  try {
    for (let round = 0; round < MAX_RESULT_ROUNDS; round++) {
      const r = await c.call(
        'search',
        'GetRecordingSearchResults',
        `<GetRecordingSearchResults ${TSE}><SearchToken>${x(search)}</SearchToken><MaxResults>100</MaxResults><WaitTime>PT1S</WaitTime></GetRecordingSearchResults>`,
      );
      const list = r.child('ResultList');
      for (const info of list.all('RecordingInformation')) {
        const token = info.text('RecordingToken');
        if (token) found.set(token, information(info));
      }
      if ((list.text('SearchState') ?? 'Completed') === 'Completed') break;
    }
  } finally {
    await c.call('search', 'EndSearch', `<EndSearch ${TSE}><SearchToken>${x(search)}</SearchToken></EndSearch>`).catch(() => undefined);
  }
  return found;
}

/** GetRecordings of the recording service: the tokens, for a camera whose search service lacks FindRecordings. */
export async function getRecordingTokens(c: OnvifClient): Promise<string[]> {
  const r = await c.call('recording', 'GetRecordings', `<GetRecordings ${TRC}/>`);
  return r
    .all('RecordingItem')
    .map((i) => i.text('RecordingToken') ?? '')
    .filter(Boolean);
}

export async function getRecordingInformation(c: OnvifClient, token: string): Promise<RecordingInformation> {
  const r = await c.call(
    'search',
    'GetRecordingInformation',
    `<GetRecordingInformation ${TSE}><RecordingToken>${x(token)}</RecordingToken></GetRecordingInformation>`,
  );
  return information(r.child('RecordingInformation'));
}

/** The RTSP address a player opens to play the recording back. */
export async function getReplayUri(c: OnvifClient, token: string): Promise<string> {
  const r = await c.call(
    'replay',
    'GetReplayUri',
    `<GetReplayUri ${TRP}><StreamSetup><tt:Stream ${TT}>RTP-Unicast</tt:Stream><tt:Transport ${TT}><tt:Protocol>RTSP</tt:Protocol></tt:Transport></StreamSetup><RecordingToken>${x(token)}</RecordingToken></GetReplayUri>`,
  );
  return r.text('Uri') ?? '';
}
