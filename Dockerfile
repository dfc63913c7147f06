# syntax=docker/dockerfile:1
# pobox for production: `docker compose up -d` (see docker-compose.yml and the README).
# Built from the sources inside the image build; the host needs neither Java nor Maven nor npm.

# --- build: the distribution (mvn package) and the Paddle models (bin/fetch-models checks their SHA-256)
FROM maven:3.9-eclipse-temurin-17 AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# the POMs first: the dependency download is a layer of its own, kept while only sources change
COPY pom.xml ./
COPY node/pom.xml node/
COPY app/pom.xml app/
# (best effort: package below fetches whatever go-offline misses)
RUN mvn -B -ntp -q dependency:go-offline || true
COPY . .
RUN mvn -B -ntp -q package -Dmaven.test.skip=true \
 && mkdir /opt/pobox \
 && tar -xzf app/target/pobox-*-dist.tar.gz -C /opt/pobox --strip-components=1 \
 && /opt/pobox/bin/fetch-models

# --- run: a JRE, Tesseract's language data, the distribution with its models
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      tesseract-ocr-chi-sim tesseract-ocr-osd curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --create-home --home-dir /home/pobox pobox \
 && mkdir -p /srv/pobox && chown pobox:pobox /srv/pobox
COPY --from=build /opt/pobox /opt/pobox
# The installation is root's and read-only to pobox; pobox writes only its data home.
# The web page listens on every address in the container, so that the published port reaches it.
# No class-data archive: bin/pobox writes one at the first exit, and a container's exit is a stop.
ENV POBOX_HOME=/srv/pobox POBOX_WEB_HOST=0.0.0.0 POBOX_WEB_PORT=8080 POBOX_CDS=off
USER pobox
WORKDIR /srv/pobox
VOLUME ["/srv/pobox"]
EXPOSE 8080
# Camel's health checks on the management port (pobox run turns it on; 127.0.0.1 inside the container)
HEALTHCHECK --interval=30s --timeout=5s --start-period=3m --retries=3 \
  CMD curl -fsS http://127.0.0.1:9876/observe/health || exit 1
ENTRYPOINT ["/opt/pobox/bin/pobox"]
CMD ["run"]
