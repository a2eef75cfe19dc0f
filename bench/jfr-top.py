#!/usr/bin/env python3
"""Summarises CPU samples of a JFR recording: top methods by self time and share of samples per area.
Usage: bench/jfr-top.py recording.jfr [top-n]   (uses `jfr` from the JDK on PATH)"""
import collections, re, subprocess, sys

AREAS = [  # first match wins, checked against every frame of a sample from the top down
    ("queue/worker (io.tzurot.messaging.jobs)", "io.tzurot.messaging.jobs."),
    ("result stream (io.tzurot.messaging.results)", "io.tzurot.messaging.results."),
    ("reply job codec (io.tzurot.app.fleet)", "io.tzurot.app.fleet."),
    ("config caches (io.tzurot.app.cache)", "io.tzurot.app.cache."),
    ("embeddings (ai.djl / onnxruntime)", ("ai.djl.", "ai.onnxruntime.")),
    ("Redis client (io.lettuce)", "io.lettuce."),
    ("JDBC / Hikari / Jdbi", ("org.postgresql.", "com.zaxxer.hikari.", "org.jdbi.")),
    ("token counting (io.tzurot.ai.token, jtokkit)", ("io.tzurot.ai.token.", "com.knuddels.jtokkit.")),
    ("model client (langchain4j / JDK HTTP / io.tzurot.ai)", ("dev.langchain4j.", "jdk.internal.net.http.", "io.tzurot.ai.")),
    ("reply engine (io.tzurot.core)", "io.tzurot.core."),
    ("storage (io.tzurot.storage)", "io.tzurot.storage."),
    ("JSON (jackson)", "com.fasterxml.jackson."),
    ("netty", "io.netty."),
]

def main():
    path = sys.argv[1]
    top_n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                         capture_output=True, text=True, check=True).stdout
    samples = [s for s in out.split("jdk.ExecutionSample") if "stackTrace" in s]
    self_time, areas, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    frame_re = re.compile(r"^\s+([\w$.<>/]+)\(", re.M)
    for sample in samples:
        frames = frame_re.findall(sample.split("stackTrace = [", 1)[1])
        if not frames:
            continue
        self_time[frames[0]] += 1
        area = "other (JDK, GC-free runtime)"
        for frame in frames:
            hit = next((name for name, prefix in AREAS if frame.startswith(prefix)), None)
            if hit:
                area = hit
                break
        areas[area] += 1
        for name in {n for frame in frames for n, prefix in AREAS if frame.startswith(prefix)}:
            inclusive[name] += 1
    total = max(1, len(samples))
    print(f"{len(samples)} CPU samples")
    print("share by area (a sample counts for the first area found from the top of its stack):")
    for name, n in areas.most_common():
        print(f"  {100 * n / total:5.1f} %  {name}")
    print("inclusive share (samples with the area anywhere on the stack):")
    for name, n in inclusive.most_common():
        print(f"  {100 * n / total:5.1f} %  {name}")
    print(f"top {top_n} methods by self samples:")
    for name, n in self_time.most_common(top_n):
        print(f"  {100 * n / total:5.1f} %  {name}")

if __name__ == "__main__":
    main()
