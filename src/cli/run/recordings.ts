import { DEFAULT_RECORDING, type RecordingRequirement } from '../../inventory/model.js';
import { recordingVerdict } from '../../recording/health.js';
import { readRecordings } from '../../recording/read.js';
import type { Cli } from '../context.js';
import { openTarget, type DeviceFlags } from '../device-target.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { renderRecordings } from '../views/recordings-view.js';

export interface RecordingsFlags extends DeviceFlags {
  minDays?: number;
  maxSilence?: number;
}

/**
 * Lists a camera's recordings and judges them: against the flags, else the inventory point's
 * requirement, else the defaults (7 days kept, last data within 15 minutes). Exit 1 when they fall short.
 */
export async function runRecordings(cli: Cli, text: string, flags: RecordingsFlags): Promise<ExitCode> {
  const { target, session } = await openTarget(cli, text, flags);
  const base: RecordingRequirement = target.recording ?? DEFAULT_RECORDING;
  const required: RecordingRequirement = {
    minRetentionDays: flags.minDays ?? base.minRetentionDays,
    maxSilenceMinutes: flags.maxSilence ?? base.maxSilenceMinutes,
  };
  // Ages are measured on the camera's clock: the session measured its offset from this host's.
  const read = await readRecordings(session.client, session.services, Date.now() + session.clockOffsetMs, { replay: true });
  const verdict = recordingVerdict(required, read);
  renderRecordings(cli, target.target, { read, required, verdict });
  return verdict.status === 'ok' ? Exit.Ok : Exit.Findings;
}
