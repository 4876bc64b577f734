import { RECORDINGS_READ } from '../deep-read.js';
import type { Finding } from '../model.js';
import type { TopicInput } from './context.js';

/** A read a comparison needed and did not get: the comparison cannot pass, so the point does not. */
export function readFindings({ d, o, finding }: TopicInput): Finding[] {
  return o.failedReads.map((r) => {
    // A recordings read that failed fails the recording check itself: no footage was seen.
    const recordings = r.operation === RECORDINGS_READ;
    return finding(
      'attention',
      recordings ? 'recording' : 'read-failed',
      `read failed: ${r.operation} (${r.reason})`,
      `the camera did not answer a read the check needs: look at it with 'camfleet ${recordings ? 'recordings' : 'info'} ${d.address}', then run again`,
    );
  });
}

/** The main stream must answer DESCRIBE; why not, when it does not. */
export function streamHealthFindings({ o, finding }: TopicInput): Finding[] {
  if (!o.stream || o.stream.ok) return [];
  return [
    finding(
      'attention',
      'stream',
      `the main stream does not answer${o.stream.error ? ` (${o.stream.error})` : ' RTSP DESCRIBE'}`,
      'check the camera streaming service; a reboot often helps',
    ),
  ];
}
