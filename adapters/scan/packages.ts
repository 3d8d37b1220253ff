/**
 * The npm packages the scan recognises, by what they are evidence of. Data, not logic: add a package here and the
 * code extractor (code.ts) reports it.
 */

/** Client libraries → the technology they talk to (`sql`: an ORM or query builder, for postgres or mysql). */
export const STORE_CLIENTS: Readonly<Record<string, string>> = {
  redis: 'redis', ioredis: 'redis', '@redis/client': 'redis', 'connect-redis': 'redis', 'rate-limit-redis': 'redis', '@upstash/redis': 'redis',
  iovalkey: 'valkey', '@valkey/valkey-glide': 'valkey',
  memcached: 'memcached', memjs: 'memcached',
  pg: 'postgres', postgres: 'postgres', 'pg-promise': 'postgres', '@neondatabase/serverless': 'postgres', 'connect-pg-simple': 'postgres',
  mysql: 'mysql', mysql2: 'mysql', 'express-mysql-session': 'mysql',
  '@prisma/client': 'sql', knex: 'sql', typeorm: 'sql', sequelize: 'sql', 'drizzle-orm': 'sql', kysely: 'sql', '@mikro-orm/core': 'sql',
  mongodb: 'mongodb', mongoose: 'mongodb', 'connect-mongo': 'mongodb',
  '@aws-sdk/client-dynamodb': 'dynamodb', '@aws-sdk/lib-dynamodb': 'dynamodb', 'connect-dynamodb': 'dynamodb',
  'cassandra-driver': 'cassandra', kafkajs: 'kafka', '@confluentinc/kafka-javascript': 'kafka', 'node-rdkafka': 'kafka',
  '@aws-sdk/client-s3': 's3', '@google-cloud/storage': 'gcs', '@azure/storage-blob': 'azure-blob', minio: 'minio',
};

/** In-process caches whose instances are module-level state like a Map. */
export const CACHE_PACKAGES: Readonly<Record<string, string>> = {
  'lru-cache': 'LRU cache', 'quick-lru': 'LRU cache', 'tiny-lru': 'LRU cache', 'node-cache': 'node-cache', 'memory-cache': 'memory-cache',
};

/** Session middleware → where it keeps sessions when given no store (`client`: in a signed cookie). */
export const SESSION_PACKAGES: Readonly<Record<string, 'server' | 'client'>> = {
  'express-session': 'server', '@fastify/session': 'server', 'fastify-session': 'server', 'koa-session': 'client',
  'cookie-session': 'client', '@fastify/secure-session': 'client', 'iron-session': 'client', 'client-sessions': 'client',
};

/** An in-memory session store, whatever the middleware. */
export const MEMORY_SESSION_STORES = ['memorystore'];

export const REALTIME_PACKAGES = ['socket.io', 'ws'];

/** socket.io adapters that share events between instances. */
export const REALTIME_ADAPTERS = [
  '@socket.io/redis-adapter', '@socket.io/redis-streams-adapter', 'socket.io-redis', '@socket.io/cluster-adapter',
  '@socket.io/postgres-adapter', '@socket.io/mongo-adapter', '@socket.io/gcp-pubsub-adapter', '@socket.io/aws-sqs-adapter',
];

/** Calls that register request handlers: a function passed to one of these runs per request. */
export const ROUTE_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head', 'route', 'handle'];

/** Methods that change a Map, Set, array or cache in place. */
export const MUTATORS = ['set', 'add', 'delete', 'del', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'take', 'mset', 'upsert'];
