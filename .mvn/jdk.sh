# Sourced by ./mvnw. RDV Numérique needs Java 21 or newer; machines often default to 17. When JAVA_HOME is
# unset or older, and the java on the PATH is older too, use the newest JDK >= 21 found in the usual places.
rdv_java_major() {
  "$1" -version 2>&1 | sed -n 's/.* version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}
rdv_choose_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    [ "$(rdv_java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null && return 0
  elif command -v java >/dev/null 2>&1; then
    [ "$(rdv_java_major java)" -ge 21 ] 2>/dev/null && return 0
  fi
  rdv_best="" rdv_best_major=0
  case $- in *f*) rdv_noglob=1 ;; *) rdv_noglob=0 ;; esac
  set +f # mvnw runs with globbing off
  for rdv_home in /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$rdv_home/bin/javac" ] || continue
    rdv_major="$(rdv_java_major "$rdv_home/bin/java")"
    if [ -n "$rdv_major" ] && [ "$rdv_major" -ge 21 ] && [ "$rdv_major" -gt "$rdv_best_major" ]; then
      rdv_best="$rdv_home" rdv_best_major="$rdv_major"
    fi
  done
  [ "$rdv_noglob" = 1 ] && set -f
  if [ -n "$rdv_best" ]; then
    JAVA_HOME="$rdv_best"
    export JAVA_HOME
  else
    echo "RDV Numérique needs a JDK 21 or newer: install one or set JAVA_HOME." >&2
  fi
}
rdv_choose_jdk
