#!/usr/bin/env bash
# Builds the offline bundle for an install without internet (政务外网 / an intranet cloud): everything an operator
# carries across, with the values that point the chart at the private registry. docs/deploy.md, "Intranet install".
#
#   deploy/offline-bundle.sh --registry harbor.example.gov.cn/govinfo [--tag 0.1.0] [--out .work/offline-bundle]
#
# Writes into the output directory:
#   images.txt            every image the install needs (govinfo's six, Kafka's tools for the topic Job, Keycloak,
#                         and the pinned JRE base for rebuilding inside the intranet), one per line
#   save-images.sh        run where the public registries are reachable: pulls them and writes images.tar
#   push-images.sh        run inside the intranet: loads images.tar, retags for the private registry, pushes
#   govinfo-<version>.tgz the Helm chart with its dependencies (helm install takes the archive as it is)
#   values-intranet.yaml  the chart's values for the private registry (merge your site's values over it)
#   govinfo-realm.json    the Keycloak realm to import; k8s/govinfo.yaml for installs without Helm
#   keycloak-themes/      the realm's login theme (govinfo), for Keycloak's themes folder
#   sbom/                 the CycloneDX SBOM of each service (present when the jars were built)
#   SHA256SUMS            checksums of everything above (check with: sha256sum -c SHA256SUMS)
# It needs bash, tar, gzip and sha256sum only; Helm only when the chart declares dependencies.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
registry=""
out="$root/.work/offline-bundle"
chart="$root/charts/govinfo"
version="$(sed -n 's/^version: *//p' "$chart/Chart.yaml" | tr -d '"')"
tag="$(sed -n 's/^appVersion: *//p' "$chart/Chart.yaml" | tr -d '"')"

while [ $# -gt 0 ]; do
  case "$1" in
    --registry) registry="${2:?--registry needs a value}"; shift 2 ;;
    --tag) tag="${2:?--tag needs a value}"; shift 2 ;;
    --out) out="${2:?--out needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "未知参数 / unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [ -z "$registry" ]; then
  echo "缺少私有镜像仓库地址 / --registry is required, e.g. --registry harbor.example.gov.cn/govinfo" >&2
  exit 2
fi
registry="${registry%/}"

# shellcheck disable=SC1091
. "$root/deploy/base-image.env"
kafka_image="$(sed -n '/^  topicJob:/,/^  [a-z]/p' "$chart/values.yaml" | sed -n 's/^      repository: *//p'):$(sed -n '/^  topicJob:/,/^  [a-z]/p' "$chart/values.yaml" | sed -n 's/^      tag: *//p')"
keycloak_image="quay.io/keycloak/keycloak:$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$root/pom.xml")"

rm -rf "$out"
mkdir -p "$out/sbom"

# 1. the images: name as pulled, and (after a tab) the name in the private registry
services=(gateway submission-intake adoption-tracking commission-tasking scoring reporting)
{
  for s in "${services[@]}"; do
    printf 'govinfo/%s:%s\t%s/govinfo/%s:%s\n' "$s" "$tag" "$registry" "$s" "$tag"
  done
  printf '%s\t%s/%s\n' "$kafka_image" "$registry" "$kafka_image"
  printf '%s\t%s/%s\n' "$keycloak_image" "$registry" "${keycloak_image#quay.io/}"
  if [ -n "$JRE_DIGEST" ]; then
    printf '%s@%s\t%s/%s\n' "$JRE_IMAGE" "$JRE_DIGEST" "$registry" "$JRE_IMAGE"
  fi
} > "$out/images.txt"
if [ -z "$JRE_DIGEST" ]; then
  echo "注意 / note: deploy/base-image.env has no JRE_DIGEST yet: the JRE base is not in images.txt (pin it first)" >&2
fi

cat > "$out/save-images.sh" <<'SAVE'
#!/usr/bin/env bash
# Run where the public registries (and the govinfo images you built) are reachable: writes images.tar.
set -euo pipefail
cd "$(dirname "$0")"
images=()
while IFS=$'\t' read -r source target; do
  case "$source" in govinfo/*) ;; *) docker pull "$source" ;; esac
  images+=("$source")
done < images.txt
docker save -o images.tar "${images[@]}"
sha256sum images.tar > images.tar.sha256
SAVE
cat > "$out/push-images.sh" <<'PUSH'
#!/usr/bin/env bash
# Run inside the intranet, logged in to the private registry (docker login): loads, retags and pushes every image.
set -euo pipefail
cd "$(dirname "$0")"
sha256sum -c images.tar.sha256
docker load -i images.tar
while IFS=$'\t' read -r source target; do
  docker tag "$source" "$target"
  docker push "$target"
done < images.txt
PUSH
chmod +x "$out/save-images.sh" "$out/push-images.sh"

# 2. the chart, with its dependencies vendored (helm needs no repository inside the intranet)
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -r "$chart" "$staging/govinfo"
if grep -q '^dependencies:' "$chart/Chart.yaml"; then
  command -v helm > /dev/null || { echo "the chart has dependencies: helm is needed to vendor them" >&2; exit 1; }
  helm dependency build "$staging/govinfo"
fi
tar -czf "$out/govinfo-$version.tgz" -C "$staging" govinfo

# 3. values for the private registry
cat > "$out/values-intranet.yaml" <<VALUES
# govinfo chart values for an intranet install: every image from the private registry $registry.
# Merge your site's values over these: helm upgrade --install govinfo govinfo-$version.tgz -n govinfo \\
#   -f values-intranet.yaml -f site-values.yaml   (docs/deploy.md, "Intranet install")
image:
  registry: $registry
  tag: "$tag"
kafka:
  topicJob:
    image:
      registry: $registry
VALUES

# 4. what else the install needs
cp "$root/identity/govinfo-realm.json" "$root/k8s/govinfo.yaml" "$out/"
# the realm's login theme, for Keycloak's /opt/keycloak/themes (docs/identity.md)
mkdir -p "$out/keycloak-themes" && cp -r "$root/identity/themes/govinfo" "$out/keycloak-themes/"
for s in "${services[@]}"; do
  module="services/$s"; [ "$s" = gateway ] && module=gateway
  sbom="$root/$module/target/classes/META-INF/sbom/application.cdx.json"
  if [ -f "$sbom" ]; then cp "$sbom" "$out/sbom/$s.cdx.json"; fi
done

(cd "$out" && find . -type f ! -name SHA256SUMS | sort | sed 's|^\./||' | xargs sha256sum > SHA256SUMS)
echo "离线安装包 / offline bundle: $out ($(wc -l < "$out/images.txt") images to save, chart $version, registry $registry)"
