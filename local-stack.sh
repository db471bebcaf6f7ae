#!/usr/bin/env bash
# Runs the whole CareSlot platform on this machine, without Docker: PostgreSQL, Kafka (KRaft), Keycloak, an SMTP
# server and the six services, each in its own process. Prints "READY http://localhost:8080" when everything is up;
# Ctrl-C (SIGINT) or SIGTERM stops all of it. Options: --fresh (wipe .local-stack/ first), --infra-only, --help.
# Builds the project first when a jar is missing or a source file changed since the last build (needs only a JDK >= 21).
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD

java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  best=""
  if command -v java >/dev/null 2>&1; then
    default_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    [ "$(java_major "$default_home")" -ge 21 ] 2>/dev/null && best=$default_home
  fi
  if [ -z "$best" ]; then
    for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
      [ -x "$candidate/bin/java" ] || continue
      v=$(java_major "$candidate")
      if [ "${v:-0}" -ge 21 ]; then best=$candidate; fi
    done
  fi
  if [ -z "$best" ]; then echo "local-stack: needs a JDK >= 21 (set JAVA_HOME)" >&2; exit 2; fi
  export JAVA_HOME=$best
fi

launcher=tooling/local-stack/target/platform-local-stack-0.1.0-SNAPSHOT.jar
stamp=tooling/local-stack/target/.local-stack-built
needs_build() {
  [ -f "$launcher" ] && [ -f "$stamp" ] || return 0
  for module in gateway identity-service doctor-service booking-service notification-service reporting-service; do
    [ -f "$module/target/$module-0.1.0-SNAPSHOT-exec.jar" ] || return 0
  done
  # a changed source or pom since the last build
  [ -n "$(find . -path ./.local-stack -prune -o -path '*/target' -prune -o \
          \( -path '*/src/*' -o -name pom.xml -o -name '*-realm.json' \) -type f -newer "$stamp" -print -quit)" ]
}
if needs_build; then
  echo "local-stack: building the project (./mvnw -DskipTests install) ..."
  ./mvnw -B -q -ntp -DskipTests install
  touch "$stamp"
fi

exec "$JAVA_HOME/bin/java" -Xms32m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -jar "$launcher" "$@"
