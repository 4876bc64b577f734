import { isLinkLocal, onLocalSubnet, type LocalInterface } from './interfaces.js';
import type { DiscoveredDevice, Finding } from './model.js';

function hostOf(xaddr: string): string | undefined {
  try {
    return new URL(xaddr).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Flags XAddrs this host cannot reach: link-local (169.254.x.x: the camera fell back to a
 * self-assigned address) or, for a device heard by multicast (so on our own link), an address on a
 * subnet none of our interfaces is on: the camera left on a wrong static address.
 */
export function xaddrFindings(device: DiscoveredDevice, interfaces: LocalInterface[]): Finding[] {
  const findings: Finding[] = [];
  for (const xaddr of device.xaddrs) {
    const host = hostOf(xaddr);
    if (!host) continue;
    if (isLinkLocal(host)) {
      findings.push({
        kind: 'link-local-xaddr',
        message: `${host} is a link-local address: the camera found no DHCP server and gave itself one; give it an address in your plan`,
      });
    } else if (device.sources.includes('multicast') && !onLocalSubnet(host, interfaces)) {
      findings.push({
        kind: 'unreachable-xaddr',
        message: `${host} is on a subnet none of this host's interfaces is on: the camera answers on this link but was left on a wrong static address`,
      });
    }
  }
  return findings;
}
