import { readFileSync } from 'node:fs';

/** What the action needs from the GitHub event that started the workflow. */
export interface EventInfo {
  /** The commit to compare against: the pull request's base, or the commit before a push; undefined otherwise. */
  base?: string;
  /** The pull request number, when there is one to comment on. */
  pullRequest?: number;
}

/** A push's `before` for a new branch: no commit to compare with. */
const NO_COMMIT = /^0+$/;

/**
 * Reads the event payload (GITHUB_EVENT_PATH) for the comparison base and the pull request number.
 * @example eventInfo('pull_request', '/github/workflow/event.json') // { base: 'a1b2…', pullRequest: 7 }
 */
export function eventInfo(name: string | undefined, path: string | undefined): EventInfo {
  if (!path) return {};
  const event = JSON.parse(readFileSync(path, 'utf8')) as { pull_request?: { number?: number; base?: { sha?: string } }; before?: string };
  if ((name === 'pull_request' || name === 'pull_request_target') && event.pull_request) {
    const info: EventInfo = {};
    if (event.pull_request.base?.sha) info.base = event.pull_request.base.sha;
    if (typeof event.pull_request.number === 'number') info.pullRequest = event.pull_request.number;
    return info;
  }
  if (name === 'push' && event.before && !NO_COMMIT.test(event.before)) return { base: event.before };
  return {};
}
