#!/usr/bin/env bash
# Runs the whole CareSlot platform on this machine, without Docker: PostgreSQL, Kafka (KRaft), Keycloak, an SMTP
# server, a Zipkin trace UI and the six services, each in its own process. Prints "READY http://localhost:8080" when everything is up;
# Ctrl-C (SIGINT) or SIGTERM stops all of it. Options: --fresh (wipe .local-stack/ first), --infra-only, --seed (load
# the demo data through the API once READY), --seed-only (load it into the stack running already), --help.
# Builds the project first when a jar is missing or a source file changed since the last build. Needs only a JDK >= 21,
# found where the build finds it.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD

# The launcher and its child JVMs need a JDK >= 21. Looked for where the build's JDK discovery (maven-toolchains-plugin)
# looks, so that whenever ./mvnw verify works, this works too: JAVA_HOME, the java on PATH, JAVA<n>_HOME, then the
# usual install places; the newest one wins.
java_major() {
  local home=$1 v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)
  [ -n "$v" ] || v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  echo "${v:-0}"
}
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  best="" best_major=0
  candidates=()
  if command -v java >/dev/null 2>&1; then candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"); fi
  while IFS='=' read -r name value; do
    case $name in JAVA*_HOME) candidates+=("$value") ;; esac
  done < <(env)
  for dir in ~/.jdks ~/.m2/jdks ~/.sdkman/candidates/java ~/.gradle/jdks ~/.jenv/versions ~/.jbang/cache/jdks \
             ~/.asdf/installs/java ~/.jabba/jdk ~/.local/share/mise/installs/java /usr/jdk /usr/java /usr/local/java \
             /opt/java /opt/hostedtoolcache /usr/lib/jvm /usr/lib64/jvm; do
    for candidate in "$dir"/*; do candidates+=("$candidate"); done
  done
  for candidate in /Library/Java/JavaVirtualMachines/*/Contents/Home ~/Library/Java/JavaVirtualMachines/*/Contents/Home; do
    candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] || continue
    v=$(java_major "$candidate")
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_major" ]; then best=$candidate best_major=$v; fi
  done
  if [ -z "$best" ]; then
    echo "local-stack: no JDK 21 or newer found: install one, e.g. Temurin 21 (apt install temurin-21-jdk," \
         "sdk install java 21-tem, https://adoptium.net), or set JAVA_HOME to it" >&2
    exit 2
  fi
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
  echo "local-stack: building the project (./mvnw -DskipTests clean install) ..."
  # clean: an incremental build keeps outputs of deleted sources (e.g. a removed class still named in a jar's
  # META-INF/spring.factories), which breaks a stack built from a checkout that was updated in place
  ./mvnw -B -q -ntp -DskipTests clean install
  touch "$stamp"
fi

exec "$JAVA_HOME/bin/java" -Xms32m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -jar "$launcher" "$@"
