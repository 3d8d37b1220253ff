/**
 * A self-contained API reference page rendered once from the OpenAPI document: no scripts, no CDN, so /docs works
 * on an air-gapped network and under a `default-src 'none'` content security policy.
 */

type Doc = {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation | undefined> | undefined>;
  components?: { schemas?: Record<string, unknown> };
};
type Operation = {
  summary?: string; description?: string; operationId?: string; security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function schemaName(schema: unknown): string {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  if (ref) { const name = ref.split('/').pop()!; return `<a href="#schema-${esc(name)}">${esc(name)}</a>`; }
  return schema ? '<code>object</code>' : '';
}

function media(content: Record<string, { schema?: unknown }> | undefined): string {
  return Object.entries(content ?? {}).map(([type, m]) => `<code>${esc(type)}</code> ${schemaName(m.schema)}`).join('<br>');
}

/** The /docs HTML for an OpenAPI 3.1 document. */
export function renderDocsPage(doc: Doc): string {
  const ops: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<tr><td>${esc(status)}</td><td>${esc(r.description ?? '')}</td><td>${media(r.content)}</td></tr>`).join('');
      ops.push(`<section id="${esc(op.operationId ?? path)}"><h3><span class="m">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
<p><strong>${esc(op.summary ?? '')}</strong>${op.security?.length ? ' — requires <code>Authorization: Bearer &lt;key&gt;</code>' : ''}</p>
${op.description ? `<p>${esc(op.description)}</p>` : ''}
${op.requestBody ? `<p>Request body: ${media(op.requestBody.content)}</p>` : ''}
<table><tr><th>status</th><th>meaning</th><th>body</th></tr>${responses}</table></section>`);
    }
  }
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(([name, s]) =>
    `<details id="schema-${esc(name)}"><summary>${esc(name)}</summary><pre>${esc(JSON.stringify(s, null, 2))}</pre></details>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(doc.info.title)} — API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font:13px ui-monospace,monospace}pre{background:#f6f6f6;padding:.75rem;overflow:auto}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
section{border-top:1px solid #ccc;margin-top:1.5rem}.m{background:#234;color:#fff;padding:0 .4rem;border-radius:3px}</style>
</head><body>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
${doc.info.description ? `<p>${esc(doc.info.description)}</p>` : ''}
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are RFC 9457 <code>application/problem+json</code>.</p>
<h2>Operations</h2>
${ops.join('\n')}
<h2>Schemas</h2>
${schemas}
</body></html>
`;
}
