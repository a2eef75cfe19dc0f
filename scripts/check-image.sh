#!/usr/bin/env bash
# Builds the container image tarball with Jib (no Docker daemon, no registry: the base comes from
# scripts/build-base-image.sh, made from Debian packages) and checks it: entrypoint, user, environment, ports,
# the layers Jib should have made, and that the image's own Java starts the app (layers unpacked, run in a chroot).
#
#   bash scripts/check-image.sh          (root; exits non-zero on any failed check)
# Output: tzurot-app/target/jib-image.tar (load it with `docker load -i` or `podman load -i`).
set -euo pipefail
cd "$(dirname "$0")/.."

base="$(scripts/build-base-image.sh)"
echo "base image: $base"
mvn -B -q -pl tzurot-app -am -DskipTests -Dtzurot.shade.skip=true package jib:buildTar "-Dtzurot.image.base=tar://$base"
image=tzurot-app/target/jib-image.tar
[[ -s "$image" ]] || { echo "FAIL: $image was not built"; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xf "$image" -C "$work"
python3 - "$work" <<'PY'
import json, sys, tarfile, os
d = sys.argv[1]
m = json.load(open(os.path.join(d, "manifest.json")))[0]
c = json.load(open(os.path.join(d, m["Config"])))["config"]
fails = []
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok: fails.append(what)
ep = c.get("Entrypoint") or []
check(ep[:1] == ["java"] and "io.tzurot.app.TzurotMain" in ep and "@/app/jib-classpath-file" in ep,
      "entrypoint runs java -cp @/app/jib-classpath-file io.tzurot.app.TzurotMain: %s" % ep)
check(c.get("Cmd") == ["start"], "default command is 'start': %s" % c.get("Cmd"))
check(c.get("User") == "65534:65534", "runs as nobody (65534), not root: %s" % c.get("User"))
env = dict(e.split("=", 1) for e in c.get("Env", []))
check(env.get("TZUROT_HTTP_HOST") == "0.0.0.0" and env.get("TZUROT_DATA_DIR") == "/data", "listens on all interfaces, data in /data")
check(set(c.get("ExposedPorts", {})) == {"8080/tcp", "9464/tcp"}, "exposes 8080 (http) and 9464 (management)")
layers = {}
for name in m["Layers"]:
    with tarfile.open(os.path.join(d, name)) as t:
        layers[name] = [n.lstrip("./") for n in t.getnames()]
files = [f for names in layers.values() for f in names]
check(len(m["Layers"]) >= 5, "base layer + Jib's dependency, resource, class and classpath layers: %d layers" % len(m["Layers"]))
check("usr/lib/jvm/java-17-openjdk-amd64/bin/java" in files, "base layer holds a Java 17 runtime")
check(any(f.startswith("app/libs/tzurot-core-") and f.endswith(".jar") for f in files), "our modules are jars in /app/libs")
check(any(f.startswith("app/libs/JDA-") for f in files) and any(f.startswith("app/libs/micrometer-registry-prometheus") for f in files),
      "third-party libraries in /app/libs")
check("app/classes/io/tzurot/app/TzurotMain.class" in files, "the app's classes in /app/classes")
check("app/jib-classpath-file" in files, "the classpath file the entrypoint reads")
# dependencies, our snapshot modules and our classes sit in separate layers, so a code change reuses the rest
lib_layers = [n for n, names in layers.items() if any(f.startswith("app/libs/") for f in names)]
class_layers = [n for n, names in layers.items() if any(f.startswith("app/classes/") for f in names)]
check(len(lib_layers) >= 2 and class_layers and not set(class_layers) & set(lib_layers),
      "libraries, snapshot modules and classes in separate layers")
sys.exit(1 if fails else 0)
PY

if [[ "$(id -u)" == "0" ]] && command -v chroot >/dev/null; then
  root="$work/rootfs"
  mkdir -p "$root"
  for layer in $(python3 -c "import json,sys; print(' '.join(json.load(open(sys.argv[1]))[0]['Layers']))" "$work/manifest.json"); do
    tar -xzf "$work/$layer" -C "$root" 2>/dev/null || tar -xf "$work/$layer" -C "$root"
  done
  # a container runtime mounts /proc; the JRE's launcher needs it to find its own libraries
  mkdir -p "$root/proc" && mount -t proc proc "$root/proc"
  trap 'umount "$root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
  version="$(chroot --userspec=65534:65534 "$root" /bin/sh -c \
    'cd /data && java -cp @/app/jib-classpath-file io.tzurot.app.TzurotMain --version' 2>&1)" || {
    echo "FAIL the image's java could not start the app: $version"; exit 1; }
  umount "$root/proc"
  echo "ok   the image's own java starts the app as nobody: $version"
else
  echo "skip start check: needs root and chroot"
fi
echo "image OK: $image ($(du -h "$image" | cut -f1))"
