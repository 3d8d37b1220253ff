/**
 * The commented requirements file `Statewise: New Requirements File` opens: every field of statewise/v1 with its
 * default and the allowed values, so a team fills it in without the docs at hand.
 * @example parseRequirements(requirementsTemplate('checkout')).ok === true
 */
export function requirementsTemplate(service: string): string {
  return `# statewise requirements for one service. Omitted fields keep the defaults shown here.
# Run "Statewise: Recommend Architecture" on this file; "Statewise: Generate Design Review" writes the review.
apiVersion: statewise/v1
service: ${service}                   # 1–64 chars: lowercase letters, digits, . _ -
description: What the service does, in a sentence or two.

context:
  memory: session                 # none | request | session | durable — how long a user's context must be remembered
  workflow: none                  # none | multi-step — wizards, checkouts spanning requests
  realtime: none                  # none | server-push | bidirectional — SSE vs websockets
  sharedState: none               # none | read-mostly | collaborative — many users mutate one live object

traffic:
  peakRps: 100                    # required: peak requests per second across all instances
  # concurrentSessions: 5000      # derived with Little's law when absent
  sessionMinutes: 15              # average session length
  spiky: false                    # true when the peak is at least 5x the average
  regions: 1                      # active regions

failure:
  sessionLoss: tolerable          # unacceptable | tolerable | irrelevant — may users lose session state when an instance dies?
  availability: 99.9              # percent, 90 ≤ x < 100
  deploysPerDay: 1

latency:
  p99Ms: 200                      # end-to-end p99 budget for a request, in ms

constraints:
  ops: medium                     # low | medium | high — the team's ability to run stateful infrastructure
  stores: []                      # already operated: redis | valkey | memcached | postgres | mysql | dynamodb | mongodb | cassandra | kafka | s3 | gcs | azure-blob | minio
  instance:                       # one instance of the service; the feasibility checks size against it
    memoryMb: 4096                # memory available for state on one instance
    rps: 500                      # requests/s one instance serves within the p99 budget
    networkMbps: 10000            # its network bandwidth

state:                            # each piece of state the service handles; names unique
  - name: cart
    owner: session                # user | session | shared | global
    lifetime: hours               # request | minutes | hours | days | forever
    sizeKb: 2                     # per owner
    writesPerMinute: 1            # per owner
    sensitivity: internal         # public | internal | personal | secret
    lossImpact: annoying          # none | annoying | costly | critical
    consistency: read-your-writes # eventual | read-your-writes | strong
    hotPath: false                # read on most requests
    # kind: record                # record | reference | derived — who owns the truth (inferred when absent)
    # owners: 50000               # how many exist (players, boards, devices); derived from traffic when absent
    # readsPerMinute: 4           # per owner; default: every request when hotPath, else 10% of them
    # writeKb: 0.5                # what one write moves (a delta); default sizeKb
`;
}
