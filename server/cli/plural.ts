/**
 * A count with its noun in the right number: `1 instance`, `3 instances`, `0 findings`.
 * @example count(1, 'store node') === '1 store node'; count(2, 'reply', 'replies') === '2 replies'
 */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
