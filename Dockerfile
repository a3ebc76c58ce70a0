# syntax=docker/dockerfile:1
#
# Tessera images, built from the repository root:
#   target "app" (the default): API and worker, `pnpm migrate && pnpm start:api` or `pnpm start:worker`
#   target "web": nginx with the built SPA, proxying /api to the API (deploy/nginx.conf)
# Used by docker-compose.yml; tests never use it.

# Node 24, the active LTS line (maintained to April 2028; Node 20 reached end of life in April 2026).
ARG NODE_BUILD_IMAGE=node:24.11.1-bookworm
ARG NODE_RUNTIME_IMAGE=node:24.11.1-bookworm-slim
ARG NGINX_IMAGE=nginx:1.28.0-alpine
ARG PNPM_VERSION=10.34.9

# ---- build: all dependencies, every package compiled ---------------------------------------------
FROM ${NODE_BUILD_IMAGE} AS build
ARG PNPM_VERSION
ENV CI=true npm_config_update_notifier=false
RUN npm install --global pnpm@${PNPM_VERSION}
WORKDIR /app
# Download the packages named in the lockfile first: this layer is reused until the lockfile changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch
COPY . .
RUN pnpm install --frozen-lockfile --offline
RUN pnpm build

# ---- prod: the same tree with development dependencies removed ----------------------------------
FROM build AS prod
RUN pnpm install --frozen-lockfile --offline --prod

# ---- web: nginx serving apps/web/dist ---------------------------------------------------------
FROM ${NGINX_IMAGE} AS web
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY deploy/spa-security-headers.conf /etc/nginx/snippets/spa-security-headers.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html

# ---- app: API and worker -----------------------------------------------------------------------
FROM ${NODE_RUNTIME_IMAGE} AS app
ARG PNPM_VERSION
ENV NODE_ENV=production npm_config_update_notifier=false PORT=3000 STORAGE_DIR=/data/storage
# DejaVu Sans: invoice PDFs embed it (names such as Łukasz print); without it they fall back to Helvetica.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/* \
 && npm install --global pnpm@${PNPM_VERSION} && npm cache clean --force \
 && mkdir -p /data/storage && chown node:node /data/storage
WORKDIR /app
COPY --from=prod /app /app
USER node
EXPOSE 3000
VOLUME ["/data/storage"]
CMD ["sh", "-c", "pnpm migrate && exec pnpm start:api"]
