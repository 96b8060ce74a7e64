# syntax=docker/dockerfile:1
# One image with both binaries: the GraphQL server (default) and the loader.
#   docker compose up            # neo4j + loader (once) + api
#   docker build -t factgraph .  # image alone

FROM golang:1.26 AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-trimpath GOCACHE=/cache/go-build
# Module downloads first, so code changes reuse this layer.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/cache/go-build \
    go build -ldflags="-s -w" -o /out/server . && \
    go build -ldflags="-s -w" -o /out/loader ./loader

# Static binaries: no libc, no shell, runs as uid 65532.
FROM gcr.io/distroless/static-debian12:nonroot AS runtime
COPY --from=build /out/server /out/loader /usr/local/bin/
WORKDIR /app
# The bundled corpus (data/corpus/manifest.yaml + articles): `loader data/corpus`.
COPY data/ /app/data/
ENV LISTEN_ADDR=:8080
EXPOSE 8080
USER nonroot:nonroot
CMD ["server"]
