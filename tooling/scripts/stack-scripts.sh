# Shared by ./local-stack.sh and ./benchmark.sh (sourced from the project root; `script` names the caller in messages).

# The launcher and its child JVMs need a JDK >= 21. Looked for where the build's JDK discovery (maven-toolchains-plugin)
# looks, so that whenever ./mvnw verify works, this works too: JAVA_HOME, the java on PATH, JAVA<n>_HOME, then the
# usual install places; the newest one wins.
java_major() {
  local home=$1 v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)
  [ -n "$v" ] || v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  echo "${v:-0}"
}
select_jdk() {
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
      echo "$script: no JDK 21 or newer found: install one, e.g. Temurin 21 (apt install temurin-21-jdk," \
           "sdk install java 21-tem, https://adoptium.net), or set JAVA_HOME to it" >&2
      exit 2
    fi
    export JAVA_HOME=$best
  fi
}

# True when the project must be built before a run: a stamp (written after the last build) or one of the jars the
# stack runs is missing (plus any further files given), or a source, pom or realm changed since the stamp.
needs_build() {
  local stamp=$1 file module
  shift
  [ -f "$stamp" ] || return 0
  for file in tooling/local-stack/target/platform-local-stack-0.1.0-SNAPSHOT.jar "$@"; do
    [ -f "$file" ] || return 0
  done
  for module in gateway identity-service doctor-service booking-service notification-service reporting-service; do
    [ -f "$module/target/$module-0.1.0-SNAPSHOT-exec.jar" ] || return 0
  done
  [ -n "$(find . -path ./.local-stack -prune -o -path '*/target' -prune -o \
          \( -path '*/src/*' -o -name pom.xml -o -name '*-realm.json' \) -type f -newer "$stamp" -print -quit)" ]
}
