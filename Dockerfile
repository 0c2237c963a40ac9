# PILOTE kit image: the kit + one instance folder. Build (from the repository root):
#   docker build --build-arg INSTANCE=examples/demo -t pilote-demo .
# Run: docker run -p 3000:3000 -e DATABASE_URL=postgres://… pilote-demo
# See docs/operating/deploying.md. (Not built in CI: the CI machine has no Docker engine.)

FROM node:20-bookworm-slim AS build
WORKDIR /kit
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true npm_config_fund=false npm_config_audit=false
COPY . .
RUN npm ci && npx nx run-many -t build --output-style=static && npm prune --omit=dev

FROM node:20-bookworm-slim
ARG INSTANCE=examples/demo
ENV NODE_ENV=production PORT=3000 PILOTE_INSTANCE=/kit/${INSTANCE} PILOTE__DATA__DIRECTORY=/data
WORKDIR /kit
COPY --from=build --chown=node:node /kit /kit
# PDF fiches are printed by headless Chromium (docs/adr/046): Debian's, with a font for the text.
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
ENV PILOTE_CHROMIUM=/usr/bin/chromium
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "apps/cli/dist/main.js", "start"]
