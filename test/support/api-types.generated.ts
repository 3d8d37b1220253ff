// Generated from the served /openapi.json by `npm run api:types` (scripts/api-types.ts). Do not edit by hand.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and readiness probe */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/design-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The design-review document for one service
         * @description ADR-style Markdown with MADR front matter and a Mermaid diagram, the same text `statewise review` writes. Send `Accept: application/json` to get `{ "markdown": "…" }` instead.
         */
        post: operations["designReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Recommend an architecture for one service
         * @description The body is a statewise/v1 requirements document as JSON or YAML. The answer is exactly what `statewise advise --json` prints for the same input. `detail=brief` or `Prefer: return=minimal` answers the BriefRecommendation instead (what `statewise advise --format brief` tabulates per file).
         */
        post: operations["recommend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recommendations/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Recommend architectures for many services at once
         * @description Up to 1000 requirements documents (JSON) holding at most 2000 state items in all (more: 413). Each item gets a recommendation or a problem; one bad item never fails the others. Too many batches in progress at once, or the advice queue full: 503 with Retry-After.
         */
        post: operations["recommendBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active rule catalogue */
        get: operations["listRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schemas/requirements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** JSON Schema (draft 2020-12) of requirements documents */
        get: operations["requirementsSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        BatchRequest: {
            /** @description Requirements documents, each judged on its own. */
            items: components["schemas"]["Requirements"][];
        };
        BatchResponse: {
            failed: number;
            /** @description One entry per item, in request order. */
            results: components["schemas"]["BatchResult"][];
            succeeded: number;
        };
        BatchResult: {
            index: number;
            /** @enum {boolean} */
            ok: true;
            recommendation: components["schemas"]["Recommendation"];
        } | {
            index: number;
            /** @enum {boolean} */
            ok: false;
            problem: components["schemas"]["Problem"];
        };
        /** @description statewise/v1 brief recommendation for one service */
        BriefRecommendation: {
            /** @enum {string} */
            apiVersion: "statewise/v1";
            /** @description How far the verdict's score leads (0.5 a tie, 0.99 a lead of 20 points or more). The full answer lowers this when a tipping point lies near; the brief answer does not search for tipping points, so it is never below the full one. */
            confidence: number;
            /**
             * @description Marks the brief form; a full answer has no `detail`.
             * @enum {string}
             */
            detail: "brief";
            /** @description false: no plan passes every feasibility check; the answer is the plan that fails least. */
            feasible: boolean;
            placements: {
                state: string;
                /** @enum {string} */
                store: "none" | "client-token" | "distributed-cache" | "database" | "durable-log" | "object-store" | "in-process-copy" | "in-process-sticky" | "in-process-replicated" | "in-process-checkpointed";
                /** @enum {string} */
                technology: "redis" | "valkey" | "memcached" | "postgres" | "mysql" | "dynamodb" | "mongodb" | "cassandra" | "kafka" | "aeron-cluster" | "s3" | "gcs" | "azure-blob" | "minio" | "signed-token" | "instance-memory" | "none";
            }[];
            plans: {
                hybrid: {
                    /** @description The failing checks, with their numbers (the full answer adds the sentence). */
                    blockers: {
                        check: string;
                        limit: number;
                        state: string;
                        /** @enum {string} */
                        store: "none" | "client-token" | "distributed-cache" | "database" | "durable-log" | "object-store" | "in-process-copy" | "in-process-sticky" | "in-process-replicated" | "in-process-checkpointed";
                        unit: string;
                        value: number;
                    }[];
                    feasible: boolean;
                    monthlyUsd: number;
                };
                stateful: {
                    /** @description The failing checks, with their numbers (the full answer adds the sentence). */
                    blockers: {
                        check: string;
                        limit: number;
                        state: string;
                        /** @enum {string} */
                        store: "none" | "client-token" | "distributed-cache" | "database" | "durable-log" | "object-store" | "in-process-copy" | "in-process-sticky" | "in-process-replicated" | "in-process-checkpointed";
                        unit: string;
                        value: number;
                    }[];
                    feasible: boolean;
                    monthlyUsd: number;
                };
                stateless: {
                    /** @description The failing checks, with their numbers (the full answer adds the sentence). */
                    blockers: {
                        check: string;
                        limit: number;
                        state: string;
                        /** @enum {string} */
                        store: "none" | "client-token" | "distributed-cache" | "database" | "durable-log" | "object-store" | "in-process-copy" | "in-process-sticky" | "in-process-replicated" | "in-process-checkpointed";
                        unit: string;
                        value: number;
                    }[];
                    feasible: boolean;
                    monthlyUsd: number;
                };
            };
            /** @description Open risks by severity (accepted ones not counted), as the full answer lists them. */
            risks: {
                high: number;
                low: number;
                medium: number;
            };
            rulesVersion: string;
            scores: {
                hybrid: number;
                stateful: number;
                stateless: number;
            };
            service: string;
            /** @enum {string} */
            verdict: "stateless" | "stateful" | "hybrid";
        };
        DesignReview: {
            markdown: string;
        };
        Health: {
            rulesVersion: string;
            /** @enum {string} */
            status: "ok";
        };
        JsonObject: {
            [key: string]: unknown;
        };
        Problem: {
            detail: string;
            errors?: components["schemas"]["ProblemError"][];
            /** @description Quote it when reporting an unexpected failure. */
            requestId?: string;
            status: number;
            title: string;
            /** @description URI naming the kind of problem. */
            type: string;
        };
        ProblemError: {
            column?: number;
            detail: string;
            /** @description 1-based line in a YAML or JSON body, when known. */
            line?: number;
            /** @description The query parameter at fault, when the problem is not in the body. */
            parameter?: string;
            /** @description RFC 6901 JSON pointer into the request body ("" is the whole body). */
            pointer: string;
            /** @description What statewise thinks was meant: a field name or an allowed value. */
            suggestion?: string;
        };
        /** @description statewise/v1 recommendation for one service */
        Recommendation: {
            acceptedRisks: {
                id: string;
                reason: string;
                /** @enum {string} */
                severity: "high" | "medium" | "low";
                text: string;
                until: string;
            }[];
            /** @enum {string} */
            apiVersion: "statewise/v1";
            capacity: {
                assumptions: string[];
                concurrentSessions: number;
                externalReadsPerSecond: number;
                externalStoreMemoryMb: number;
                externalWritesPerSecond: number;
                /** @description Milliseconds of state access a request waits for (hot-path reads in parallel, plus synchronous writes). */
                hotPathMs: number;
                inProcessMemoryMb: number;
                instances: number;
                /** @description The share of latency.p99Ms left for state access. */
                latencyBudgetMs: number;
                /** @description Each external store tier of the chosen plan, sized by the items placed in it. */
                stores: {
                    items: string[];
                    mbPerSecond: number;
                    memoryMb: number;
                    nodes: number;
                    readsPerSecond: number;
                    /** @description Replicas or standbys per node that availability or the recovery point need (a Postgres synchronous standby, two more Kafka replicas at replication factor 3); counted in cost. */
                    replicas: number;
                    /** @enum {string} */
                    store: "none" | "client-token" | "distributed-cache" | "database" | "durable-log" | "object-store" | "in-process-copy" | "in-process-sticky" | "in-process-replicated" | "in-process-checkpointed";
                    /** @enum {string} */
                    technology: "redis" | "valkey" | "memcached" | "postgres" | "mysql" | "dynamodb" | "mongodb" | "cassandra" | "kafka" | "aeron-cluster" | "s3" | "gcs" | "azure-blob" | "minio" | "signed-token" | "instance-memory" | "none";
                    writesPerSecond: number;
                }[];
            };
            confidence: number;
            /** @description Fields the requirements left out, with the default statewise assumed for each: the answer rests on them. */
            defaultsApplied?: {
                /** @description Why this assumed value matters to the answer, and what to write instead. */
                because?: string;
                /** @description RFC 6901 pointer into the requirements (/state/0/consistency). */
                pointer: string;
                value: number | string | boolean;
            }[];
            factors: {
                because: string;
                effect: {
                    hybrid: number;
                    stateful: number;
                    stateless: number;
                };
                rule: string;
                title: string;
            }[];
            failure: {
                notes: string[];
                onDeploy: string;
                onInstanceLoss: string;
                sessionsLostPerInstanceLoss: number;
            };
            /** @description The failure table of the chosen plan: one row per item × failure (instance, zone, region, store-node, deploy), in placement order. */
            failures: {
                /** @description How many owners (sessions, users, shared objects, keys) lose state or wait. */
                affected: number;
                /** @description The row rests on an assumed figure (a profile estimate, a default count) rather than the requirements alone. */
                assumed: boolean;
                /** @description The arithmetic, with the figures it rests on. */
                because: string;
                /** @enum {string} */
                failure: "instance" | "zone" | "region" | "store-node" | "deploy";
                /** @description With lost: seconds — the acknowledged writes one failover can drop, in seconds. */
                lossSeconds?: number;
                /**
                 * @description nothing; in-flight (requests being served fail and are retried); seconds (the last lossSeconds of acknowledged writes: the store's loss window, its RPO); all (every value the failed part held).
                 * @enum {string}
                 */
                lost: "nothing" | "in-flight" | "seconds" | "all";
                /** @description Seconds until the item serves again; null: not until the failed region returns. */
                rtoSeconds: number | null;
                /** @description The rule or profile figures the row comes from (stores.yaml, rules/model/assumptions.ts). */
                source: string;
                state: string;
                /** @enum {string} */
                store: "none" | "client-token" | "distributed-cache" | "database" | "durable-log" | "object-store" | "in-process-copy" | "in-process-sticky" | "in-process-replicated" | "in-process-checkpointed";
                /** @enum {string} */
                technology: "redis" | "valkey" | "memcached" | "postgres" | "mysql" | "dynamodb" | "mongodb" | "cassandra" | "kafka" | "aeron-cluster" | "s3" | "gcs" | "azure-blob" | "minio" | "signed-token" | "instance-memory" | "none";
                /** @description What `affected` counts: sessions, users, objects, keys or owners. */
                unit: string;
            }[];
            /** @description false: no plan passes every feasibility check; the answer is the plan that fails least. */
            feasible: boolean;
            /** @description Notes on state items the engine added because the context demands them. */
            implied: string[];
            inputDigest: string;
            /** @description Where the input's own arithmetic disagrees with itself (owners × per-owner rates far above traffic.peakRps, reads more often than requests arrive, an acknowledged write on the hot path of a rarely written item, a tightest check that rests on the assumed read share); absent when nothing does. */
            notes?: {
                /** @description How far the input disagrees with itself: the total rate ÷ traffic.peakRps, reads ÷ writes, the check's use of its limit with the assumed reads ÷ without them, live keys ÷ owners, or the number of items kept for a session that context.memory says nothing outlives a request. */
                factor: number;
                /** @description The input the note questions, named like tipping points' inputs (state[link].writesPerMinute): by item name, so it does not depend on the order items are listed in. */
                field: string;
                /** @description What disagrees: note.owner-rate, note.read-rate, note.rare-write-on-hot-path, note.assumed-read-share, note.stream-keys-exceed-owners, note.memory-contradicts-items. */
                id: string;
                /** @description The arithmetic in words and what to check. */
                text: string;
            }[];
            placements: {
                alternatives: {
                    score: number;
                    /** @enum {string} */
                    store: "none" | "client-token" | "distributed-cache" | "database" | "durable-log" | "object-store" | "in-process-copy" | "in-process-sticky" | "in-process-replicated" | "in-process-checkpointed";
                    whyNot: string;
                }[];
                /** @description The feasibility checks of the chosen store, with their numbers. */
                checks: {
                    because: string;
                    check: string;
                    limit: number;
                    margin: number;
                    passed: boolean;
                    unit: string;
                    value: number;
                }[];
                implied: boolean;
                /** @enum {string} */
                kind: "record" | "reference" | "derived";
                /**
                 * @description With two regions or more: local (each region its own), home (one home region per owner) or global (one writer worldwide).
                 * @enum {string}
                 */
                regionScope?: "local" | "home" | "global";
                /** @description The team's own technologies for this store that a check vetoed, so the plan runs another one. */
                rejectedTechnologies?: {
                    alsoFails?: string[];
                    because: string;
                    /** @description The check furthest over its limit. */
                    check: string;
                    limit: number;
                    /** @enum {string} */
                    technology: "redis" | "valkey" | "memcached" | "postgres" | "mysql" | "dynamodb" | "mongodb" | "cassandra" | "kafka" | "aeron-cluster" | "s3" | "gcs" | "azure-blob" | "minio" | "signed-token" | "instance-memory" | "none";
                    unit: string;
                    value: number;
                }[];
                state: string;
                /** @enum {string} */
                store: "none" | "client-token" | "distributed-cache" | "database" | "durable-log" | "object-store" | "in-process-copy" | "in-process-sticky" | "in-process-replicated" | "in-process-checkpointed";
                /** @enum {string} */
                technology: "redis" | "valkey" | "memcached" | "postgres" | "mysql" | "dynamodb" | "mongodb" | "cassandra" | "kafka" | "aeron-cluster" | "s3" | "gcs" | "azure-blob" | "minio" | "signed-token" | "instance-memory" | "none";
                ttl?: string;
                why: string[];
            }[];
            plans: {
                hybrid: {
                    blockers: {
                        because: string;
                        check: string;
                        limit: number;
                        state: string;
                        /** @enum {string} */
                        store: "none" | "client-token" | "distributed-cache" | "database" | "durable-log" | "object-store" | "in-process-copy" | "in-process-sticky" | "in-process-replicated" | "in-process-checkpointed";
                        unit: string;
                        value: number;
                    }[];
                    cost: {
                        breakdown: string[];
                        instances: number;
                        monthlyUsd: number;
                        newTechnologies: ("redis" | "valkey" | "memcached" | "postgres" | "mysql" | "dynamodb" | "mongodb" | "cassandra" | "kafka" | "aeron-cluster" | "s3" | "gcs" | "azure-blob" | "minio" | "signed-token" | "instance-memory" | "none")[];
                        storeNodes: number;
                    };
                    feasible: boolean;
                    note: string;
                };
                stateful: {
                    blockers: {
                        because: string;
                        check: string;
                        limit: number;
                        state: string;
                        /** @enum {string} */
                        store: "none" | "client-token" | "distributed-cache" | "database" | "durable-log" | "object-store" | "in-process-copy" | "in-process-sticky" | "in-process-replicated" | "in-process-checkpointed";
                        unit: string;
                        value: number;
                    }[];
                    cost: {
                        breakdown: string[];
                        instances: number;
                        monthlyUsd: number;
                        newTechnologies: ("redis" | "valkey" | "memcached" | "postgres" | "mysql" | "dynamodb" | "mongodb" | "cassandra" | "kafka" | "aeron-cluster" | "s3" | "gcs" | "azure-blob" | "minio" | "signed-token" | "instance-memory" | "none")[];
                        storeNodes: number;
                    };
                    feasible: boolean;
                    note: string;
                };
                stateless: {
                    blockers: {
                        because: string;
                        check: string;
                        limit: number;
                        state: string;
                        /** @enum {string} */
                        store: "none" | "client-token" | "distributed-cache" | "database" | "durable-log" | "object-store" | "in-process-copy" | "in-process-sticky" | "in-process-replicated" | "in-process-checkpointed";
                        unit: string;
                        value: number;
                    }[];
                    cost: {
                        breakdown: string[];
                        instances: number;
                        monthlyUsd: number;
                        newTechnologies: ("redis" | "valkey" | "memcached" | "postgres" | "mysql" | "dynamodb" | "mongodb" | "cassandra" | "kafka" | "aeron-cluster" | "s3" | "gcs" | "azure-blob" | "minio" | "signed-token" | "instance-memory" | "none")[];
                        storeNodes: number;
                    };
                    feasible: boolean;
                    note: string;
                };
            };
            risks: {
                id: string;
                mitigation: string;
                rule: string;
                /** @enum {string} */
                severity: "high" | "medium" | "low";
                text: string;
            }[];
            rulesVersion: string;
            scaling: {
                autoscaling: string;
                notes: string[];
                replication: string;
                /** @enum {string} */
                routing: "any-instance" | "sticky" | "partitioned";
            };
            scores: {
                hybrid: number;
                stateful: number;
                stateless: number;
            };
            service: string;
            summary: string;
            tippingPoints: {
                /** @description Whether the answer after this change passes every feasibility check. */
                feasible: boolean;
                from: number | string | boolean;
                input: string;
                note: string;
                to: number | string | boolean;
                /** @enum {string} */
                verdict: "stateless" | "stateful" | "hybrid";
            }[];
            /** @enum {string} */
            verdict: "stateless" | "stateful" | "hybrid";
        };
        /** @description statewise/v1 requirements for one service */
        Requirements: {
            /** @description Risks the team accepts, with a reason and an expiry date. */
            accept?: {
                reason: string;
                /** @description The id of a risk statewise reported. */
                risk: string;
                /** @description Acceptance expires on this date. */
                until: string;
            }[];
            /**
             * @default statewise/v1
             * @enum {string}
             */
            apiVersion?: "statewise/v1";
            /** @default {} */
            constraints?: {
                /** @default {} */
                instance?: {
                    /** @description GPU memory of one instance, in MB. */
                    gpuMemoryMb?: number;
                    /**
                     * @description Memory available for state on one instance, in MB.
                     * @default 4096
                     */
                    memoryMb?: number;
                    /**
                     * @description Network bandwidth of one instance, in megabits per second.
                     * @default 10000
                     */
                    networkMbps?: number;
                    /** @description What one instance costs a month, in USD; else its profile's price. */
                    pricePerMonth?: number;
                    /**
                     * @description A catalogue instance profile (small, memory-optimised, gpu-24gb, gpu-80gb): its figures fill the fields not written here.
                     * @enum {string}
                     */
                    profile?: "small" | "memory-optimised" | "gpu-24gb" | "gpu-80gb";
                    /**
                     * @description Requests per second one instance serves within the p99 budget.
                     * @default 500
                     */
                    rps?: number;
                };
                /** @description Round trip between regions in ms; ~70 assumed within a continent when absent (150 across oceans). */
                interRegionRttMs?: number;
                /**
                 * @description The team's ability to run stateful infrastructure.
                 * @default medium
                 * @enum {string}
                 */
                ops?: "low" | "medium" | "high";
                /**
                 * @description Data stores the team already operates.
                 * @default []
                 */
                stores?: ("redis" | "valkey" | "memcached" | "postgres" | "mysql" | "dynamodb" | "mongodb" | "cassandra" | "kafka" | "aeron-cluster" | "s3" | "gcs" | "azure-blob" | "minio")[];
            };
            /** @default {} */
            context?: {
                /**
                 * @description How long a user's context must be remembered.
                 * @default none
                 * @enum {string}
                 */
                memory?: "none" | "request" | "session" | "durable";
                /**
                 * @description server-push (SSE) or bidirectional (websockets).
                 * @default none
                 * @enum {string}
                 */
                realtime?: "none" | "server-push" | "bidirectional";
                /**
                 * @description Many users mutating one live object.
                 * @default none
                 * @enum {string}
                 */
                sharedState?: "none" | "read-mostly" | "collaborative";
                /**
                 * @description Wizards or checkouts that span requests.
                 * @default none
                 * @enum {string}
                 */
                workflow?: "none" | "multi-step";
            };
            /** @description People who own the decision (design-review front matter). */
            decisionMakers?: string[];
            description?: string;
            /** @default {} */
            failure?: {
                /**
                 * @description Availability target in percent.
                 * @default 99.9
                 */
                availability?: number;
                /**
                 * @description Deploys (rolling restarts) per day.
                 * @default 1
                 */
                deploysPerDay?: number;
                /** @description Acknowledged data one failure may lose, in seconds; 0 is assumed for critical records when absent. */
                rpoSeconds?: number;
                /** @description Time until lost capacity or state serves again, in seconds. */
                rtoSeconds?: number;
                /**
                 * @description May users lose session state when an instance dies?
                 * @default tolerable
                 * @enum {string}
                 */
                sessionLoss?: "unacceptable" | "tolerable" | "irrelevant";
            };
            /** @description Where the code and workloads of this service are, for statewise scan. */
            implementation?: {
                /** @description Folders (or files) of this service's code, relative to the repository root; default: the requirements file's folder. */
                paths?: string[];
                /** @description Workload names (Kubernetes workloads, app labels, compose services) of this service besides its own name. */
                workloads?: string[];
            };
            /** @default {} */
            latency?: {
                /**
                 * @description End-to-end p99 budget for a request, in ms.
                 * @default 200
                 */
                p99Ms?: number;
            };
            /** @description The service name. */
            service: string;
            /** @default [] */
            state?: {
                /**
                 * @default read-your-writes
                 * @enum {string}
                 */
                consistency?: "eventual" | "read-your-writes" | "strong";
                /** @description Readers each write is delivered to (timelines, pub/sub); default 1. */
                fanout?: number;
                /**
                 * @description Read on most requests.
                 * @default false
                 */
                hotPath?: boolean;
                /**
                 * @description record: this service owns the truth; reference: read-mostly data whose source lives elsewhere; derived: rebuildable. Inferred when absent.
                 * @enum {string}
                 */
                kind?: "record" | "reference" | "derived";
                /**
                 * @default hours
                 * @enum {string}
                 */
                lifetime?: "request" | "minutes" | "hours" | "days" | "forever";
                /** @description The item limits what its owner may do (an attempt counter, a quota, a balance, a one-time nonce). */
                limitsOwner?: boolean;
                /**
                 * @default annoying
                 * @enum {string}
                 */
                lossImpact?: "none" | "annoying" | "costly" | "critical";
                /**
                 * @description How concurrent writes in two regions combine: none (default: one writer), last-writer-wins or commutative (CRDTs, counters).
                 * @enum {string}
                 */
                merge?: "none" | "last-writer-wins" | "commutative";
                /** @description Unique within the service. */
                name: string;
                /**
                 * @default session
                 * @enum {string}
                 */
                owner?: "user" | "session" | "shared" | "global";
                /** @description How many owners exist (players, devices, boards); derived from the traffic when absent. */
                owners?: number;
                /**
                 * @description owner: only the owner's own requests read it; others: other users, publishers, matchers or jobs do. Default: owner for session and user items, others for shared and global.
                 * @enum {string}
                 */
                readers?: "owner" | "others";
                /** @description KB one read moves (a page of a large collection); default sizeKb. */
                readKb?: number;
                /** @description Reads per owner per minute; default: each request of its owner when hotPath, else 10% of them. */
                readsPerMinute?: number;
                /** @description The region group the item must stay in (data residency); names a traffic.regionGroups key. */
                residency?: string;
                /**
                 * @default internal
                 * @enum {string}
                 */
                sensitivity?: "public" | "internal" | "personal" | "secret";
                /**
                 * @description value (default): read and written whole; collection: members read and written a few at a time (size limits apply to one read or write).
                 * @enum {string}
                 */
                shape?: "value" | "collection";
                /**
                 * @description Size per owner in KB.
                 * @default 2
                 */
                sizeKb?: number;
                /** @description KB one write moves (a delta); default sizeKb. */
                writeKb?: number;
                /**
                 * @description Writes per owner per minute.
                 * @default 1
                 */
                writesPerMinute?: number;
            }[];
            traffic: {
                /** @description Share of a user's requests served outside their home region; 0.05 assumed when absent. */
                awayShare?: number;
                /** @description Concurrent sessions at peak; derived with Little's law when absent. */
                concurrentSessions?: number;
                /** @description Peak requests per second across all instances. */
                peakRps: number;
                /** @description Named groups of regions (eu: 2, us: 1); their sum replaces regions. */
                regionGroups?: {
                    [key: string]: number;
                };
                /**
                 * @description Active regions serving traffic.
                 * @default 1
                 */
                regions?: number;
                /**
                 * @description Average session length in minutes.
                 * @default 15
                 */
                sessionMinutes?: number;
                /**
                 * @description clients (default: browsers, apps: a token can round-trip), services (other backends) or stream (events from a log or queue: no token, sessions are keys).
                 * @enum {string}
                 */
                source?: "clients" | "services" | "stream";
                /**
                 * @description Peak is at least 5x the average.
                 * @default false
                 */
                spiky?: boolean;
            };
        };
        RuleInfo: {
            because: string;
            effect?: {
                [key: string]: number;
            };
            file: string;
            id: string;
            invariant?: number;
            /** @enum {string} */
            kind: "service" | "placement" | "gate" | "risk" | "check";
            /** @description Checks: the limit it must not exceed. */
            limit?: string;
            line: number;
            /** @description Checks: the figure compared with the limit. */
            measure?: string;
            mitigation?: string;
            remove?: string[];
            severity?: string;
            source?: string;
            /** @description Checks: the stores the check applies to. */
            stores?: string[];
            title: string;
            /** @description The condition (all/any/not over fact comparisons). */
            when?: {
                [key: string]: unknown;
            };
        };
        RulesResponse: {
            rules: components["schemas"]["RuleInfo"][];
            rulesVersion: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server is up and its catalogue is loaded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JsonObject"];
                };
            };
        };
    };
    designReview: {
        parameters: {
            query?: {
                /** @description The review date (default: today, UTC). Pass the committed review's date to reproduce it. */
                date?: string;
                /** @description The requirements file's path, recorded in the provenance front matter as `statewise review` does. */
                source?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Requirements"];
                "application/yaml": components["schemas"]["Requirements"];
            };
        };
        responses: {
            /** @description The design review. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DesignReview"];
                    "text/markdown": string;
                };
            };
            /** @description Malformed or invalid input; `errors` points at each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Accept header asks for a representation statewise cannot give. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the configured limit, or a batch holds more state items than allowed. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Content-Type is not one statewise reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many batches in progress, or the advice queue is full; retry after the Retry-After seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recommend: {
        parameters: {
            query?: {
                /** @description `full` (default): the whole recommendation. `brief`: verdict, confidence, scores, placements (store and technology), per plan feasibility, blockers and monthly cost, and risk counts — no sentences and no tipping-point search, so it is cheaper to compute and ~1 KB instead of ~40 KB. Overrides `Prefer`. */
                detail?: "full" | "brief";
            };
            header?: {
                /** @description `return=minimal` asks for the brief answer, `return=representation` for the full one (RFC 7240); the response then carries `Preference-Applied`. Other preferences are ignored. */
                prefer?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Requirements"];
                "application/yaml": components["schemas"]["Requirements"];
            };
        };
        responses: {
            /** @description The recommendation: full (default) or brief (`detail=brief`, `Prefer: return=minimal`). */
            200: {
                headers: {
                    /** @description Echoes the `return` preference when it decided the form. */
                    "Preference-Applied"?: string;
                    /** @description Always includes `Prefer`: the form of the answer depends on it. */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Recommendation"] | components["schemas"]["BriefRecommendation"];
                };
            };
            /** @description Malformed or invalid input; `errors` points at each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the configured limit, or a batch holds more state items than allowed. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Content-Type is not one statewise reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many batches in progress, or the advice queue is full; retry after the Retry-After seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recommendBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchRequest"];
            };
        };
        responses: {
            /** @description One result per item, in request order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResponse"];
                };
            };
            /** @description Malformed or invalid input; `errors` points at each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the configured limit, or a batch holds more state items than allowed. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Content-Type is not one statewise reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many batches in progress, or the advice queue is full; retry after the Retry-After seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every rule with its condition, effects and where it is defined. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesResponse"];
                };
            };
            /** @description Missing or wrong API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requirementsSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JSON Schema, derived from the zod contract. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/schema+json": components["schemas"]["JsonObject"];
                };
            };
            /** @description Missing or wrong API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
