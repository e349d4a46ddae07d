# One image for every Stockflow service; the command picks the service:
#   node dist/apps/<service>/src/main.js     (gateway, ledger, orders, channel-sync, compaction)
#   node dist/scripts/migrate.js             (schema migrations, run once per release)
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY scripts scripts
COPY bench bench
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production KAFKAJS_NO_PARTITIONER_WARNING=1
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/package.json package.json
COPY config config
USER node
# SIGTERM reaches node directly (no shell in between), so shutdown hooks run.
CMD ["node", "dist/apps/gateway/src/main.js"]
