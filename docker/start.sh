#!/bin/sh
# Starts RDV Numérique as `bench/run startup` measures it: the extracted jar with the JDK's AOT cache.
# The first start of an image makes the cache with a training run against the real database (the application
# starts, migrates if needed and exits once its context is ready: about half a minute more, once); later starts
# load and link their classes from it. A cache that cannot be made or used only costs time: the JVM starts
# without it.
set -eu
app=/app/app/app.jar
cache="/app/cache/app-$(sha256sum "$app" | cut -c1-16).aot"
if [ ! -f "$cache" ]; then
  rm -f /app/cache/app-*.aot
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  java $JAVA_OPTS -XX:AOTCacheOutput="$cache" -Dspring.context.exit=onRefresh -jar "$app" \
    --server.port=0 --management.server.port=0 \
    || { echo "start.sh: no AOT cache (training run failed), starting without it" >&2; rm -f "$cache"; }
fi
if [ -f "$cache" ]; then
  # shellcheck disable=SC2086
  exec java $JAVA_OPTS -XX:AOTCache="$cache" -jar "$app"
fi
# shellcheck disable=SC2086
exec java $JAVA_OPTS -jar "$app"
