import type { ServerFailure } from './server-client.ts';

/** How many field errors a notification lists before it says "and N more". */
const MAX_LISTED = 3;

/**
 * The one place where server-mode failures become words for the user: what went wrong, where, and what to do.
 * @example serverFailureMessage({ kind: 'timeout', url: 'http://x/v1/recommendations', seconds: 15 })
 */
export function serverFailureMessage(f: ServerFailure): string {
  switch (f.kind) {
    case 'bad-url':
      return `statewise.server.url "${f.url}" is not an http(s) URL. Fix the setting, or clear it to use the built-in engine.`;
    case 'unreachable':
      return `The statewise server at ${origin(f.url)} is unreachable (${f.cause}). Check statewise.server.url, or clear it to use the built-in engine.`;
    case 'timeout':
      return `The statewise server at ${origin(f.url)} did not answer within ${f.seconds} s (statewise.server.timeoutSeconds).`;
    case 'cancelled':
      return 'Cancelled.';
    case 'bad-response':
      return `The statewise server at ${origin(f.url)} sent an answer this extension does not understand (${f.reason}). Is statewise.server.url a statewise server of a compatible version?`;
    case 'http':
      return `The statewise server answered ${f.status}${f.statusText ? ` ${f.statusText}` : ''} for ${path(f.url)}.${hint(f.status)}`;
    case 'problem': {
      const p = f.problem;
      const status = p.status ?? f.status;
      const head = `The statewise server rejected the request (${status}${p.title ? ` ${p.title}` : ''})`;
      const errors = p.errors ?? [];
      const listed = errors.slice(0, MAX_LISTED).map((e) => `${e.pointer || '(body)'}${e.line ? ` (line ${e.line})` : ''}: ${e.detail}`);
      if (errors.length > MAX_LISTED) listed.push(`and ${errors.length - MAX_LISTED} more`);
      const detail = listed.length ? listed.join('; ') : (p.detail ?? '');
      const id = p.requestId && status >= 500 ? ` Request id: ${p.requestId}.` : '';
      return `${head}${detail ? `: ${detail.replace(/\.$/, '')}` : ''}.${hint(status)}${id}`;
    }
  }
}

function hint(status: number): string {
  if (status >= 300 && status < 400) return ' Redirects are not followed (they could carry the API key elsewhere): set statewise.server.url to the final URL.';
  if (status === 401 || status === 403) return ' Set the API key with "Statewise: Set Server API Key".';
  if (status === 404) return ' Is statewise.server.url the base URL of a statewise server?';
  if (status === 413) return ' The requirements file is larger than the server accepts.';
  if (status === 429) return ' The server is rate limiting; try again shortly.';
  return '';
}

function origin(url: string): string {
  try { return new URL(url).origin; } catch { return url; }
}

function path(url: string): string {
  try { return new URL(url).pathname; } catch { return url; }
}
