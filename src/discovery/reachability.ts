import { isLinkLocal, onLocalSubnet, type LocalInterface } from './interfaces.js';
import type { DiscoveredDevice, Finding } from './model.js';

function hostOf(xaddr: string): string | undefined {
  try {
    return new URL(xaddr).hostname;
  } catch {
    return undefined;
  }
}

/** What a discovery run was asked to look at: the probed interfaces' subnets and the swept addresses. */
export interface Scope {
  interfaces: LocalInterface[];
  sweep: Set<string>;
}

/** Whether a host is inside what was asked: an address on a probed interface's subnet, or a swept one. */
export function withinScope(host: string, asked: Scope): boolean {
  return asked.sweep.has(host) || onLocalSubnet(host, asked.interfaces);
}

/**
 * Flags XAddrs camfleet will not contact: link-local (169.254.x.x: the camera fell back to a self-assigned
 * address); for a device heard by multicast (so on our own link), an address on a subnet none of our
 * interfaces is on (the camera was left on a wrong static address); and any other address outside what
 * was asked, so that a spoofed answer cannot steer camfleet, or its credentials, to another host.
 */
export function xaddrFindings(device: DiscoveredDevice, interfaces: LocalInterface[], asked: Scope): Finding[] {
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
    } else if (!withinScope(host, asked)) {
      findings.push({
        kind: 'outside-xaddr',
        message: `its XAddr names ${host}, outside the networks camfleet was asked to look at; not contacted`,
      });
    }
  }
  return findings;
}
