import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A generated repository for the `scan` benchmark: SERVICES services under services/NAME/, each with a requirements
 * file, TypeScript and JavaScript modules (routes, handlers, store clients, some module-level caches), Kubernetes
 * manifests (multi-document) and Terraform, FILES files in all. Every 50th module writes a module-level Map from a
 * handler and every service's Deployment runs one replica: the scan must report exactly `planted` findings.
 */
export function writeScanRepo(root: string, files = 5_000, services = 20): { files: number; planted: number } {
  let written = 0;
  let planted = 0;
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
    written++;
  };
  const perService = Math.floor(files / services);
  for (let s = 0; s < services; s++) {
    const name = `svc-${s}`;
    const base = `services/${name}`;
    write(`${base}/${name}.statewise.yaml`, `service: ${name}\ntraffic: { peakRps: ${100 + s * 10} }\nconstraints: { stores: [redis, postgres] }\nstate:\n  - name: cart\n    owner: user\n    lifetime: days\n    lossImpact: costly\n`);
    write(`${base}/deploy/k8s.yaml`, deployment(name));
    write(`${base}/infra/main.tf`, terraform(name));
    planted++; // the one-replica Deployment
    const modules = perService - 3;
    for (let m = 0; m < modules; m++) {
      const js = m % 9 === 0;
      const stateful = m % 50 === 7;
      if (stateful) planted++;
      write(`${base}/src/${m % 7 === 0 ? 'routes' : m % 3 === 0 ? 'lib' : 'handlers'}/module-${m}.${js ? 'js' : 'ts'}`, module(m, stateful, js));
    }
  }
  return { files: written, planted };
}

function module(m: number, stateful: boolean, js: boolean): string {
  const t = (ts: string) => (js ? '' : ts);
  return `import express from 'express';
import { Pool } from 'pg';
import { createClient } from 'redis';
import { z } from 'zod';

const router = express.Router();
const db = new Pool({ max: 10 });
const redis = createClient({ url: process.env.REDIS_URL });
const LIMIT = ${m % 100};
${stateful ? `const seen${m} = new Map${t('<string, number>')}();\n` : ''}
const Body = z.object({ id: z.string(), quantity: z.number().int().min(1) });

export class Service${m} {
  constructor(private readonly prefix${t(': string')} = 'item') {}

  key(id${t(': string')})${t(': string')} {
    return \`\${this.prefix}:\${id}:${m}\`;
  }

  async load(id${t(': string')}) {
    const { rows } = await db.query('select * from items where id = $1 limit $2', [id, LIMIT]);
    return rows.map((r${t(': { id: string; quantity: number }')}) => ({ ...r, total: r.quantity * ${m + 1} }));
  }
}

const service = new Service${m}();

router.get('/items/:id', async (req, res) => {
  const items = await service.load(req.params.id);
  ${stateful ? `seen${m}.set(req.params.id, Date.now());` : `await redis.set(service.key(req.params.id), JSON.stringify(items));`}
  res.json({ items, count: items.length });
});

router.post('/items', async (req, res) => {
  const body = Body.safeParse(req.body);
  if (!body.success) return res.status(400).json({ error: body.error.issues });
  const local = new Map${t('<string, number>')}();
  local.set(body.data.id, body.data.quantity);
  await db.query('insert into items (id, quantity) values ($1, $2)', [body.data.id, body.data.quantity]);
  return res.status(201).json({ id: body.data.id, local: local.size });
});

export function summarise(values${t(': number[]')})${t(': { min: number; max: number; mean: number }')} {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { min, max, mean: values.length ? sum / values.length : 0 };
}

export default router;
`;
}

function deployment(name: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: ${name}
          image: registry.example.com/${name}:1.0
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
    - port: 80
      targetPort: 8080
`;
}

function terraform(name: string): string {
  return `resource "aws_elasticache_replication_group" "${name}" {
  replication_group_id       = "${name}-cache"
  engine                     = "redis"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  snapshot_retention_limit   = 3
}

resource "aws_db_instance" "${name}" {
  identifier = "${name}-db"
  engine     = "postgres"
  multi_az   = true
}
`;
}
