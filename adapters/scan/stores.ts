/** Container images of data stores → the technology (the image's last path segment, without a tag). */
const IMAGES: [RegExp, string][] = [
  [/^(redis|redis-stack|redis-stack-server|keydb)$/, 'redis'], [/^valkey$/, 'valkey'], [/^(postgres|postgresql|postgis|timescaledb)$/, 'postgres'],
  [/^(mysql|mariadb|percona-server)$/, 'mysql'], [/^(mongo|mongodb|mongodb-community-server)$/, 'mongodb'], [/^memcached$/, 'memcached'],
  [/^(cassandra|scylla)$/, 'cassandra'], [/^(kafka|cp-kafka|redpanda)$/, 'kafka'], [/^minio$/, 'minio'], [/^dynamodb-local$/, 'dynamodb'],
];

export function storeOfImage(image: string | undefined): string | undefined {
  if (!image) return undefined;
  const last = image.split('@')[0]!.split('/').pop()!.split(':')[0]!.toLowerCase();
  return IMAGES.find(([re]) => re.test(last))?.[1];
}

/** Redis started with snapshots off (`--save ""`) and no append-only file keeps nothing across a restart. */
export function redisPersistenceOff(args: string): boolean {
  return /--save\s+(""|''|\s*$)/.test(args) && !/--appendonly\s+yes/.test(args);
}
