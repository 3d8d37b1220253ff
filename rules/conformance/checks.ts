import type { Check } from './hit.ts';
import { moduleState, realtimeUndeclared, sessionMemoryStore, socketioNoAdapter, storeMissing } from './checks-code.ts';
import { hpaNoStabilisation, replicasBelowPlan, statefulWorkload, stickyMissing, stickyUnplanned, storeLosesItems } from './checks-manifests.ts';

/** The check behind each catalogue rule id: the catalogue words and grades a finding, the check decides it. */
export const CHECKS: Readonly<Record<string, Check>> = {
  'conformance.module-state': moduleState,
  'conformance.session-memory-store': sessionMemoryStore,
  'conformance.realtime-undeclared': realtimeUndeclared,
  'conformance.socketio-no-adapter': socketioNoAdapter,
  'conformance.store-missing': storeMissing,
  'conformance.sticky-unplanned': stickyUnplanned,
  'conformance.sticky-missing': stickyMissing,
  'conformance.stateful-workload': statefulWorkload,
  'conformance.hpa-no-stabilisation': hpaNoStabilisation,
  'conformance.replicas-below-plan': replicasBelowPlan,
  'conformance.store-loses-items': storeLosesItems,
};
