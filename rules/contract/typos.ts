import type { Issue } from './issues.ts';

/**
 * One typo, one problem: a misspelt required field (`peakRPS` for `peakRps`) makes zod report both the unknown key
 * and the missing field. When an unknown field's did-you-mean names a required field missing from the same map,
 * the "is required" issue is dropped and the unknown field's message says the field it stands for is required.
 * @example oneProblemPerTypo([required('/traffic/peakRps'), unknown('/traffic/peakRPS', 'peakRps')]).length === 1
 */
export function oneProblemPerTypo(issues: readonly Issue[]): Issue[] {
  const meant = new Map<string, Issue>();
  for (const i of issues) {
    if (i.code === 'unknown_field' && i.suggestion !== undefined) meant.set(siblingPointer(i, i.suggestion), i);
  }
  if (!meant.size) return [...issues];
  const covered = new Set<string>();
  for (const i of issues) if (isMissing(i) && meant.has(i.pointer)) covered.add(i.pointer);
  const out: Issue[] = [];
  for (const i of issues) {
    if (isMissing(i) && covered.has(i.pointer)) continue;
    const stands = i.code === 'unknown_field' && i.suggestion !== undefined && covered.has(siblingPointer(i, i.suggestion));
    out.push(stands ? { ...i, message: `${i.message} (${JSON.stringify(i.suggestion)} is required)` } : i);
  }
  return out;
}

function isMissing(i: Issue): boolean {
  return i.code === 'invalid_type' && i.message === 'is required';
}

/** The pointer of the field `name` beside the one the issue is about. */
function siblingPointer(i: Issue, name: string): string {
  const cut = i.pointer.lastIndexOf('/');
  return `${i.pointer.slice(0, cut)}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}
