import type { DiscoveredDevice } from '../../discovery/model.js';
import type { DesiredPoint } from '../desired.js';
import { identityConflicts, identityMatches } from '../identity.js';
import type { Finding, Observation } from '../model.js';
import { findingsFor } from './context.js';

/**
 * Whether the right camera answers at the point, as the findings that end the comparison when it does
 * not: moved (its identity answers elsewhere), missing, refusing the credentials, or another camera.
 * Empty when the point's own camera answers and the topics can be compared.
 */
export function presenceFindings(d: DesiredPoint, o: Observation | undefined, devices: DiscoveredDevice[]): Finding[] {
  const finding = findingsFor(d);
  if (!o || o.state === 'unreachable' || o.state === 'onvif-down') {
    const moved = devices.find((dev) => dev.address !== d.host && identityMatches(d, dev));
    if (moved) {
      return [
        {
          ...finding(
            'unknown',
            'moved',
            `moved from ${d.host} to ${moved.address}`,
            `record the new address with 'camfleet inventory adopt', or move the camera back with 'camfleet network set ${moved.address} --address ${d.host}/24'`,
          ),
          address: moved.address,
        },
      ];
    }
    const why = o?.errors[0] ?? 'no answer';
    const what = o?.state === 'onvif-down' ? 'ONVIF does not answer' : 'unreachable';
    return [finding('missing', 'unreachable', `${what} at ${d.address} (${why})`, "check power and cabling; 'camfleet ping' tells more")];
  }
  if (o.state === 'auth-failed') {
    const profile = d.credentialProfile ? ` of profile '${d.credentialProfile}'` : '';
    return [
      finding('attention', 'auth', `refuses the credentials${profile}`, 'check the credential profile, or reset the camera password'),
    ];
  }
  const conflicts = identityConflicts(d, o);
  if (conflicts.length) {
    return [
      finding(
        'attention',
        'identity',
        `a different camera answers at ${d.address}: ${conflicts.join(', ')}`,
        'a camera was swapped: check it on site, then update the point identity in the inventory',
      ),
    ];
  }
  return [];
}
