import type { AccessFlags } from '../auth/access-policy.js';
import { UserError } from '../errors.js';
import type { SiteInventory } from '../inventory/model.js';
import { type DesiredPoint, desiredPoints } from './desired.js';

/** The inventory a command works on, and the points it selected. */
export interface Selection {
  dir: string;
  sites: SiteInventory[];
  /** The selected points (a street, a point, a shard). */
  points: DesiredPoint[];
  /** Every point of the sites: what claims a device found on the network. */
  all: DesiredPoint[];
}

export interface SelectionFilter {
  street?: string;
  point?: string;
}

/** The points the filter names; an unknown street or point is a UserError that lists what there is. */
export function selectPoints(dir: string, sites: SiteInventory[], filter: SelectionFilter, access: AccessFlags = {}): Selection {
  const all = desiredPoints(sites, {}, access);
  const points = desiredPoints(sites, filter, access);
  if (filter.street && !all.some((p) => p.street.id === filter.street)) {
    throw new UserError(`no street '${filter.street}' in the inventory`, {
      hint: `streets: ${[...new Set(all.map((p) => p.street.id))].join(', ')}`,
    });
  }
  if (filter.point && points.length === 0) {
    throw new UserError(`no point '${filter.point}'${filter.street ? ` on street '${filter.street}'` : ''} in the inventory`);
  }
  return { dir, sites, points, all };
}

/** Deterministic sharding: points sorted by site and id, every N-th from the I-th. */
export function inShard<T extends { site: string; point: { id: string } }>(
  points: T[],
  shard: { index: number; count: number } | undefined,
): T[] {
  if (!shard) return points;
  const sorted = [...points].sort((a, b) => `${a.site}/${a.point.id}`.localeCompare(`${b.site}/${b.point.id}`));
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
