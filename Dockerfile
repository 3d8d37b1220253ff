# syntax=docker/dockerfile:1
# statewise HTTP API: compiled JavaScript (dist/, esbuild) on Node 20, production dependencies only, non-root.
#   docker build -t statewise .
#   docker run --rm -p 8787:8787 -e STATEWISE_API_KEYS=... statewise
# The build and runtime stages below are replayed without a container engine by test/deploy/production-install.test.ts
# (it reads this file: keep COPY sources relative and each RUN a plain shell command).

# Both stages on the same Node build: the V8 code cache written by the build (dist/cli.cjs.cache) is only accepted
# by the V8 that wrote it. Pinned by digest (the multi-platform manifest list of the tag), so a re-pushed tag cannot
# change what is built. To update: pick the new tag, then take its digest with
#   docker buildx imagetools inspect node:20.X.Y-bookworm-slim      (the "Digest:" line)
# or the registry's tag page, and replace both parts below; test/deploy/kubernetes.test.ts checks the shape.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0

# tini as PID 1: forwards SIGTERM to Node (which drains, see server/cli/serve.ts) and reaps the processes that
# `--workers N` forks. Node alone as PID 1 would handle SIGTERM but never reap an orphan.
FROM ${NODE_IMAGE} AS base
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` (the build) runs below, once the sources are in.
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build

FROM base AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    STATEWISE_RUN=dist \
    HOST=0.0.0.0 \
    PORT=8787
COPY package.json package-lock.json ./
# Production dependencies only, no lifecycle scripts (`prepare` needs esbuild, a dev dependency). dist/ bundles the
# packages it uses; node_modules holds what a bundle leaves external (none today — see scripts/build.ts).
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY bin/ bin/
COPY --from=build /app/dist/ dist/
# The playground's example picker and the API reference's request examples read these files.
COPY examples/ examples/
# A custom catalogue is a folder mounted here (STATEWISE_RULES=/etc/statewise/rules); API keys via
# STATEWISE_API_KEYS or a mounted file (STATEWISE_API_KEYS_FILE). Every other flag has its variable (README).
USER node
EXPOSE 8787
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8787)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form, Node directly (never `npm start`: npm does not pass SIGTERM on, so nothing would drain).
ENTRYPOINT ["/usr/bin/tini", "--", "node", "bin/statewise.js"]
CMD ["serve"]
