#!/usr/bin/env bash
# Benchmarks the whole CareSlot platform through its gateway, as ./local-stack.sh runs it: starts a fresh stack on free
# ports (data under target/benchmark/stack; a running developer stack is not touched), loads generated doctors and
# patients through the API, then measures booking throughput and latency, doctor search / detail / availability reads,
# the event lag to notification-service and reporting-service, login through the gateway against Keycloak directly,
# and the memory of every process. Writes target/benchmark/summary.json and target/benchmark/report.html.
# Options: ./benchmark.sh --help. Not part of ./mvnw verify. Needs only a JDK >= 21, found as ./local-stack.sh finds it.
set -euo pipefail
cd "$(dirname "$0")"

script=benchmark
source tooling/scripts/stack-scripts.sh
select_jdk

harness=tooling/benchmark/target/platform-benchmark-0.1.0-SNAPSHOT.jar
stamp=tooling/benchmark/target/.benchmark-built
case " $* " in
  *" --help "*|*" -h "*) ;;
  *)
    if needs_build "$stamp" "$harness"; then
      echo "benchmark: building the project (./mvnw -DskipTests clean package) ..."
      ./mvnw -B -q -ntp -DskipTests clean package
      touch "$stamp"
    fi ;;
esac
if [ ! -f "$harness" ]; then
  echo "benchmark: $harness is missing: run ./mvnw -DskipTests package first" >&2
  exit 2
fi

# the harness itself is a load generator sharing the machine with the stack: small heap, its own GC threads bounded
exec "$JAVA_HOME/bin/java" -Xms64m -Xmx512m -XX:+UseParallelGC -XX:ParallelGCThreads=1 -jar "$harness" "$@"
