import { MARKER } from './summary.ts';

/** Where and as whom the comment is written. */
export interface CommentTarget { apiUrl: string; repository: string; pullRequest: number; token: string }

/**
 * Creates the action's pull-request comment, or updates it when one carrying MARKER exists: one comment per pull
 * request however often the workflow runs. Returns what it did and the comment's id.
 * @example await upsertComment({ apiUrl: 'https://api.github.com', repository: 'o/r', pullRequest: 7, token }, body)
 */
export async function upsertComment(target: CommentTarget, body: string): Promise<{ action: 'created' | 'updated'; id: number }> {
  const base = `${target.apiUrl.replace(/\/$/, '')}/repos/${target.repository}`;
  const existing = await findComment(base, target);
  if (existing !== undefined) {
    const updated = await call<{ id: number }>('PATCH', `${base}/issues/comments/${existing}`, target.token, { body });
    return { action: 'updated', id: updated.id };
  }
  const created = await call<{ id: number }>('POST', `${base}/issues/${target.pullRequest}/comments`, target.token, { body });
  return { action: 'created', id: created.id };
}

/** The id of the first comment with the marker, reading the pull request's comments page by page. */
async function findComment(base: string, target: CommentTarget): Promise<number | undefined> {
  for (let page = 1; page <= 50; page++) {
    const comments = await call<{ id: number; body?: string }[]>('GET', `${base}/issues/${target.pullRequest}/comments?per_page=100&page=${page}`, target.token);
    const mine = comments.find((c) => c.body?.includes(MARKER));
    if (mine) return mine.id;
    if (comments.length < 100) return undefined;
  }
  return undefined;
}

async function call<T>(method: string, url: string, token: string, body?: object): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28',
      'user-agent': 'statewise-action', ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) {
    const text = (await response.text()).slice(0, 300);
    throw new Error(`${method} ${new URL(url).pathname} answered ${response.status}: ${text}`);
  }
  return (await response.json()) as T;
}
