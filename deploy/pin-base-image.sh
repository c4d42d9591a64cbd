#!/usr/bin/env bash
# Resolves the current digest of the base image named in deploy/base-image.env and writes it there. Run it where the
# registry is reachable (it needs `docker buildx` or `crane`), review the diff, commit it; rebuild the images.
#   deploy/pin-base-image.sh            # pins JRE_IMAGE's multi-arch index digest
set -euo pipefail
cd "$(dirname "$0")/.."
file=deploy/base-image.env
# shellcheck disable=SC1090
. "$file"
if command -v crane > /dev/null; then
  digest="$(crane digest "$JRE_IMAGE")"
else
  digest="$(docker buildx imagetools inspect "$JRE_IMAGE" --format '{{json .Manifest.Digest}}' | tr -d '"')"
fi
case "$digest" in
  sha256:[0-9a-f]*) ;;
  *) echo "no digest for $JRE_IMAGE: '$digest'" >&2; exit 1 ;;
esac
sed -i "s|^JRE_DIGEST=.*|JRE_DIGEST=$digest|" "$file"
echo "$JRE_IMAGE pinned to $digest in $file"
