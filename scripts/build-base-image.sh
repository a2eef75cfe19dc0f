#!/usr/bin/env bash
# Builds the container base image as a local tarball (docker-save format) from Debian's own packages:
# Debian 12 (bookworm, minbase) + openjdk-17-jre-headless + ca-certificates, with debootstrap. No registry is
# contacted, only a Debian mirror, so the image builds where Docker Hub is out of reach. The tarball is cached
# (rebuilt only when missing or when this script changes); Jib reads it as  tar://<path>.
#
#   scripts/build-base-image.sh            -> prints the tarball's path
#   TZUROT_IMAGE_CACHE=dir                 -> where to keep it (default ~/.cache/tzurot-image)
#   TZUROT_DEBIAN_MIRROR=url               -> Debian mirror (default http://deb.debian.org/debian)
#   TZUROT_BASE_ROOTFS=dir                 -> package an already debootstrapped root instead (same packages)
# Needs root (debootstrap, and file owners kept in the layer). First build: ~2-3 min; cached: instant.
set -euo pipefail

cache="${TZUROT_IMAGE_CACHE:-$HOME/.cache/tzurot-image}"
mirror="${TZUROT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
stamp="$(sha256sum "$0" | cut -c1-12)"
out="$cache/debian12-jre17-$stamp.tar"
if [[ -s "$out" ]]; then
  echo "$out"
  exit 0
fi
mkdir -p "$cache"
work="$(mktemp -d "$cache/build.XXXXXX")"
trap 'rm -rf "$work"' EXIT

rootfs="${TZUROT_BASE_ROOTFS:-}"
if [[ -z "$rootfs" ]]; then
  if ! command -v debootstrap >/dev/null; then
    echo "installing debootstrap (Debian package)" >&2
    apt-get install -y -qq debootstrap >&2
  fi
  rootfs="$work/rootfs"
  echo "debootstrap bookworm (minbase + openjdk-17-jre-headless) from $mirror ..." >&2
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$rootfs" "$mirror" >&2
fi
[[ -x "$rootfs/usr/lib/jvm/java-17-openjdk-amd64/bin/java" ]] || { echo "no JRE 17 in $rootfs" >&2; exit 1; }

# what a running server never reads: package caches and lists, docs, man pages
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
       "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/var/log/* "$rootfs"/tmp/* 2>/dev/null || true
mkdir -p "$rootfs/data" && chown 65534:65534 "$rootfs/data" # the data dir, writable by the image's user (nobody)

tar --numeric-owner --sort=name --mtime='2024-01-01 00:00:00' -C "$rootfs" -cf "$work/layer.tar" .
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                  "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created_by":"debootstrap bookworm minbase + openjdk-17-jre-headless ca-certificates (scripts/build-base-image.sh)"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["tzurot-base:debian12-jre17"],"Layers":["layer.tar"]}]' > "$work/manifest.json"
tar -C "$work" -cf "$out.tmp" manifest.json config.json layer.tar
mv "$out.tmp" "$out"
echo "$out"
