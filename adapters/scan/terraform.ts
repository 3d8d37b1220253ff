import type { Node } from 'web-tree-sitter';
import type { Evidence } from '../../rules/index.ts';
import type { Grammars } from './grammars.ts';

/** One HCL block: its type, labels, attributes (value text without quotes) and nested blocks. */
interface Block { type: string; labels: string[]; node: Node; attrs: Map<string, { value: string; node: Node }>; blocks: Block[] }

const at = (node: Node) => ({ line: node.startPosition.row + 1, column: node.startPosition.column + 1 });

function blockOf(node: Node): Block {
  const kids = node.namedChildren.filter((c): c is Node => c !== null);
  const labels = kids.filter((c) => c.type === 'string_lit' || (c.type === 'identifier' && c !== kids[0])).map((c) => c.text.replace(/^"|"$/g, ''));
  const body = kids.find((c) => c.type === 'body');
  const attrs = new Map<string, { value: string; node: Node }>();
  const blocks: Block[] = [];
  for (const c of body?.namedChildren ?? []) {
    if (c?.type === 'attribute') {
      const [key, value] = c.namedChildren;
      if (key && value) attrs.set(key.text, { value: value.text.replace(/^"|"$/g, ''), node: c });
    } else if (c?.type === 'block') blocks.push(blockOf(c));
  }
  return { type: kids[0]?.text ?? '', labels, node, attrs, blocks };
}

const REDIS = ['aws_elasticache_cluster', 'aws_elasticache_replication_group', 'aws_elasticache_serverless_cache', 'google_redis_instance', 'azurerm_redis_cache'];
const DATABASES = ['aws_db_instance', 'google_sql_database_instance', 'azurerm_postgresql_flexible_server', 'azurerm_mysql_flexible_server'];

/**
 * The evidence in one Terraform file: data stores (how they could lose data) and load balancer stickiness. Positions
 * are those of the attribute that decides (`snapshot_retention_limit = 0`), else of the resource.
 */
export function extractTerraform(file: string, text: string, g: Grammars): Evidence[] {
  g.parser.setLanguage(g.terraform);
  const tree = g.parser.parse(text);
  if (!tree) return [];
  try {
    const out: Evidence[] = [];
    const blocks = tree.rootNode.descendantsOfType('block').filter((b): b is Node => b?.parent?.parent?.type === 'config_file').map(blockOf);
    for (const b of blocks) {
      if (b.type !== 'resource' || b.labels.length < 2) continue;
      const [type, label] = b.labels as [string, string];
      const name = b.attrs.get('name')?.value ?? b.attrs.get('cluster_id')?.value ?? b.attrs.get('replication_group_id')?.value ?? b.attrs.get('identifier')?.value ?? label;
      const attr = (k: string) => b.attrs.get(k);
      const emit = (kind: Evidence['kind'], node: Node, facts: Evidence['facts']) => out.push({ kind, file, ...at(node), facts: { key: `${type}.${label}`, name, ...facts } });
      if (REDIS.includes(type)) {
        const engine = attr('engine')?.value ?? 'redis';
        const technology = engine === 'valkey' ? 'valkey' : engine === 'memcached' ? 'memcached' : 'redis';
        const retention = attr('snapshot_retention_limit');
        const replicas = Number(attr('num_cache_clusters')?.value ?? attr('replicas_per_node_group')?.value ?? attr('num_cache_nodes')?.value ?? 1);
        const failover = attr('automatic_failover_enabled')?.value === 'true';
        // ElastiCache keeps no snapshot unless snapshot_retention_limit > 0; a single node has no replica either.
        const snapshots = type.startsWith('aws_elasticache') ? Number(retention?.value ?? 0) > 0 : true;
        const loses = technology !== 'memcached' && !snapshots && replicas <= 1 && !failover;
        emit('store-infra', retention?.node ?? b.node, {
          technology, snapshots, replicas,
          ...(loses ? { loses: retention ? `snapshot_retention_limit = ${retention.value} and no replica` : 'no snapshots (snapshot_retention_limit unset) and no replica', lossClass: 'no-persistence', advice: 'snapshot_retention_limit > 0, or a replica with automatic failover' } : {}),
        });
      } else if (DATABASES.includes(type)) {
        const engine = (attr('engine')?.value ?? attr('database_version')?.value ?? type).toLowerCase();
        const technology = engine.includes('mysql') || engine.includes('maria') ? 'mysql' : 'postgres';
        const multiAz = attr('multi_az') ?? attr('availability_type');
        const single = type === 'google_sql_database_instance' ? multiAz?.value !== 'REGIONAL' : type === 'aws_db_instance' ? multiAz?.value !== 'true' : false;
        emit('store-infra', multiAz?.node ?? b.node, {
          technology, multiAz: !single,
          ...(single ? { loses: multiAz ? `${multiAz.node.text.replace(/\s+/g, ' ')}: one availability zone` : 'one availability zone (multi-AZ not set)', lossClass: 'single-az', advice: 'multi_az = true (or a regional instance)' } : {}),
        });
      } else if (type === 'aws_dynamodb_table') emit('store-infra', b.node, { technology: 'dynamodb' });
      else if (type === 'aws_s3_bucket') emit('store-infra', b.node, { technology: 's3' });
      else if (type === 'aws_msk_cluster') emit('store-infra', b.node, { technology: 'kafka' });
      else if (type === 'aws_lb_target_group' || type === 'aws_alb_target_group') {
        const sticky = b.blocks.find((x) => x.type === 'stickiness');
        if (sticky && sticky.attrs.get('enabled')?.value !== 'false') emit('sticky-routing', sticky.node, { workload: name, service: name, mechanism: `ALB target group ${name} stickiness` });
      }
    }
    return out;
  } finally {
    tree.delete();
  }
}
