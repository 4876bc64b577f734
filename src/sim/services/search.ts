import { textAt } from '../../xml/parse.js';
import { invalidArgVal } from '../soap/fault.js';
import type { Handler, OperationContext } from './context.js';
import { SERVICE_CAPABILITIES } from './device.js';
import { dateTimeOf, recordingInformation, requireRecording } from './recordings.js';

/**
 * The recording search service (Profile G), read-only as camfleet uses it. A search completes at once
 * (one recording on a card); its token stays valid until EndSearch, as the specification asks.
 */
const searches = new WeakMap<object, Set<string>>();
let nextSearch = 1;

function searchesOf(ctx: OperationContext): Set<string> {
  let set = searches.get(ctx.camera);
  if (!set) searches.set(ctx.camera, (set = new Set()));
  return set;
}

function requireSearch(ctx: OperationContext): string {
  const token = textAt(ctx.request, 'SearchToken')?.trim() ?? '';
  if (!searchesOf(ctx).has(token)) throw invalidArgVal('InvalidToken', `There is no search '${token}'`);
  return token;
}

function getRecordingSummary({ camera }: OperationContext): string {
  const span = camera.recordedSpan();
  return (
    `<tse:GetRecordingSummaryResponse><tse:Summary><tt:DataFrom>${dateTimeOf(span.from)}</tt:DataFrom>` +
    `<tt:DataUntil>${dateTimeOf(span.until)}</tt:DataUntil><tt:NumberRecordings>1</tt:NumberRecordings></tse:Summary></tse:GetRecordingSummaryResponse>`
  );
}

function findRecordings(ctx: OperationContext): string {
  const set = searchesOf(ctx);
  // A client that never ends its searches does not grow the camera without bound.
  if (set.size >= 16) set.delete(set.values().next().value!);
  const token = `search-${nextSearch++}`;
  set.add(token);
  return `<tse:FindRecordingsResponse><tse:SearchToken>${token}</tse:SearchToken></tse:FindRecordingsResponse>`;
}

function getRecordingSearchResults(ctx: OperationContext): string {
  requireSearch(ctx);
  return (
    `<tse:GetRecordingSearchResultsResponse><tse:ResultList><tt:SearchState>Completed</tt:SearchState>` +
    `${recordingInformation(ctx.camera, 'tt:RecordingInformation', ctx.camera.persona.sparseSearchResults)}</tse:ResultList></tse:GetRecordingSearchResultsResponse>`
  );
}

function endSearch(ctx: OperationContext): string {
  searchesOf(ctx).delete(requireSearch(ctx));
  return `<tse:EndSearchResponse><tse:Endpoint>${dateTimeOf(ctx.camera.cameraNow())}</tse:Endpoint></tse:EndSearchResponse>`;
}

function getRecordingInformation(ctx: OperationContext): string {
  requireRecording(ctx);
  return `<tse:GetRecordingInformationResponse>${recordingInformation(ctx.camera, 'tse:RecordingInformation')}</tse:GetRecordingInformationResponse>`;
}

export const searchHandlers: Record<string, Handler> = {
  GetServiceCapabilities: () =>
    `<tse:GetServiceCapabilitiesResponse>${SERVICE_CAPABILITIES.search('tse:Capabilities')}</tse:GetServiceCapabilitiesResponse>`,
  GetRecordingSummary: getRecordingSummary,
  FindRecordings: findRecordings,
  GetRecordingSearchResults: getRecordingSearchResults,
  EndSearch: endSearch,
  GetRecordingInformation: getRecordingInformation,
};
