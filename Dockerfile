# One image for every FlowOrchestrator process; docker-compose.yml picks the command per service.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
# Not `npm ci`: the lockfile lists only Linux builds of per-platform packages (see .ci/run).
RUN npm install --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
RUN groupadd --system flow && useradd --system --gid flow --home /app flow
COPY --from=build --chown=flow:flow /app /app
# Uploaded files (FILES_DIR), on a volume the web server and the worker share.
RUN mkdir -p /data/files && chown flow:flow /data/files
USER flow
EXPOSE 3000 3001
# Default: the web server. The worker, collab server and migration job override CMD.
CMD ["node", "node_modules/next/dist/bin/next", "start", "--hostname", "0.0.0.0", "--port", "3000"]
