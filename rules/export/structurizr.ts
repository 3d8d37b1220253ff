import type { Recommendation } from '../contract/recommendation.ts';
import { architectureOf } from './architecture.ts';

/** A Structurizr DSL string: one line, double quotes and backslashes turned into plain characters. */
function q(text: string): string {
  return `"${text.replace(/\s+/g, ' ').trim().replace(/\\/g, '/').replace(/"/g, "'")}"`;
}

/**
 * A Structurizr DSL workspace: the clients as a person, the service as a software system whose containers are the
 * load balancer, its tiers and its stores, relationships labelled with the state items, and a container view.
 * @example structurizrWorkspace(rec) // 'workspace "orders-api" …'
 */
export function structurizrWorkspace(rec: Recommendation, description?: string): string {
  const a = architectureOf(rec, description);
  const ref = (id: string) => (id === 'clients' ? 'clients' : `service.${id}`);
  const lines = [
    `workspace ${q(a.service)} ${q(`statewise: ${a.verdict}`)} {`,
    '  !identifiers hierarchical',
    '  model {',
    `    clients = person "Clients" "Callers of ${a.service.replace(/"/g, "'")}"`,
    `    service = softwareSystem ${q(a.service)} ${q(a.description)} {`,
    ...a.parts.map((p) => `      ${p.id} = container ${q(p.title)} ${q(p.description)}`),
    ...a.stores.map((s) => `      ${s.id} = container ${q(s.title)} ${q(s.description)} ${q(s.technology ?? s.store)} ${q(s.external ? 'Store' : 'In process')}`),
    '    }',
    ...a.links.map((l) => `    ${ref(l.from)} -> ${ref(l.to)} ${q(l.label)}`),
    '  }',
    '  views {',
    `    container service "containers" ${q(`${a.service}: where each piece of state lives`)} {`,
    '      include *',
    '      autolayout lr',
    '    }',
    '    styles {',
    '      element "Store" {',
    '        shape cylinder',
    '      }',
    '      element "Person" {',
    '        shape person',
    '      }',
    '    }',
    '  }',
    '}',
  ];
  return lines.join('\n') + '\n';
}
