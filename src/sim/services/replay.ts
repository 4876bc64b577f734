import type { Handler, OperationContext } from './context.js';
import { SERVICE_CAPABILITIES } from './device.js';
import { requireRecording } from './recordings.js';

/** The replay service (Profile G): the RTSP address a player opens to play a recording back. */
function getReplayUri(ctx: OperationContext): string {
  const token = requireRecording(ctx);
  return `<trp:GetReplayUriResponse><trp:Uri>${ctx.camera.replayUrl(token)}</trp:Uri></trp:GetReplayUriResponse>`;
}

export const replayHandlers: Record<string, Handler> = {
  GetServiceCapabilities: () =>
    `<trp:GetServiceCapabilitiesResponse>${SERVICE_CAPABILITIES.replay('trp:Capabilities')}</trp:GetServiceCapabilitiesResponse>`,
  GetReplayUri: getReplayUri,
};
