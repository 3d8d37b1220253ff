import type { StateItem } from './requirements.ts';

/** How long an item matters: one request, one user's session (minutes or hours), or beyond any session. */
export type Scope = 'request' | 'session' | 'durable';

/** @example scopeOf('hours') === 'session' */
export function scopeOf(lifetime: StateItem['lifetime']): Scope {
  if (lifetime === 'request') return 'request';
  return lifetime === 'minutes' || lifetime === 'hours' ? 'session' : 'durable';
}
