import type { Requirements } from '../contract/requirements.ts';
import { ASSUMPTIONS } from './assumptions.ts';

/**
 * The fleet before state is placed: instances for load (peakRps with headroom ÷ constraints.instance.rps) and for
 * availability (enough per region to survive a loss). Memory may add more once a plan holds state in process.
 */
export function headroomOf(req: Requirements) {
  return req.traffic.spiky ? ASSUMPTIONS.spikyHeadroom : ASSUMPTIONS.headroom;
}

/** Beyond this the arithmetic stops meaning anything; the cap keeps every count an exact JSON integer. */
export const MAX_COUNT = 1e15;

export function loadInstances(req: Requirements): number {
  return Math.min(MAX_COUNT, Math.max(1, Math.ceil((req.traffic.peakRps * headroomOf(req).value) / req.constraints.instance.rps)));
}

/** 1 instance per region below 99%, 2 from 99%, 3 from 99.95%: survive one loss (and one in maintenance). */
export function instancesPerRegion(availability: number): number {
  return availability >= 99.95 ? 3 : availability >= 99 ? 2 : 1;
}

export function availabilityInstances(req: Requirements): number {
  return instancesPerRegion(req.failure.availability) * req.traffic.regions;
}

/** Instances before state is placed: what the traffic through them is shared by. */
export function fleetInstances(req: Requirements): number {
  return Math.max(loadInstances(req), availabilityInstances(req));
}
