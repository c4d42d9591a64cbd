#!/bin/bash
# Container health check: GET /actuator/health/readiness on the service's own port, 200 = healthy.
# The JRE base image has no curl or wget; bash's /dev/tcp is enough for one local HTTP request.
set -u
port="${SERVER_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 3 status <&3 || exit 1
exec 3<&-
case "$status" in
  "HTTP/1.1 200"*) exit 0 ;;
  *) exit 1 ;;
esac
