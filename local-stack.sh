#!/usr/bin/env bash
# Runs the whole CareSlot platform on this machine, without Docker: PostgreSQL, Kafka (KRaft), Keycloak, an SMTP
# server, a Zipkin trace UI and the six services, each in its own process. Prints "READY http://localhost:8080" when everything is up;
# Ctrl-C (SIGINT) or SIGTERM stops all of it. Options: --fresh (wipe .local-stack/ first), --infra-only, --seed (load
# the demo data through the API once READY), --seed-only (load it into the stack running already), --help.
# Builds the project first when a jar is missing or a source file changed since the last build. Needs only a JDK >= 21,
# found where the build finds it.
set -euo pipefail
cd "$(dirname "$0")"

script=local-stack
source tooling/scripts/stack-scripts.sh
select_jdk

launcher=tooling/local-stack/target/platform-local-stack-0.1.0-SNAPSHOT.jar
stamp=tooling/local-stack/target/.local-stack-built
if needs_build "$stamp"; then
  echo "local-stack: building the project (./mvnw -DskipTests clean install) ..."
  # clean: an incremental build keeps outputs of deleted sources (e.g. a removed class still named in a jar's
  # META-INF/spring.factories), which breaks a stack built from a checkout that was updated in place
  ./mvnw -B -q -ntp -DskipTests clean install
  touch "$stamp"
fi

exec "$JAVA_HOME/bin/java" -Xms32m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -jar "$launcher" "$@"
