# Sourced by the bin/ scripts: selects a JDK 21+ and exports JAVA_HOME, or exits with a clear message.
# Sets $java to its java binary and defines java_major.

# Prints the major version of a java binary (8 for "1.8"), or nothing if it does not run.
java_major() {
  local version
  version="$("$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')" || return 0
  case "$version" in
    1.*) echo "${version#1.}" ;;
    *) echo "$version" ;;
  esac
}

# JAVA_HOME first, then java on the PATH, then the newest JDK 21+ installed in the usual places.
find_java() {
  local candidate major best="" best_major=0
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)"; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    major="$(java_major "$candidate")"
    if [[ -n "$major" && "$major" -ge 21 ]]; then
      echo "$candidate"
      return
    fi
  done
  for candidate in /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [[ -x "$candidate" ]] || continue
    major="$(java_major "$candidate")"
    if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best_major" ]]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  echo "$best"
}

java="$(find_java)"
if [[ -z "$java" ]]; then
  echo "RenLayer needs JDK 21 or newer; install one (e.g. Temurin 21) or set JAVA_HOME to it." >&2
  exit 1
fi
JAVA_HOME="$(cd "$(dirname "$java")/.." && pwd)"
export JAVA_HOME

