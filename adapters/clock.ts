import { isoDate } from '../rules/index.ts';

/** Today's date (UTC, YYYY-MM-DD): the one place the adapters read the clock; the core takes dates as input. */
export function today(): string {
  return isoDate(new Date());
}
