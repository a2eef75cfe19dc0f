# Sourced by the benchmark scripts, from the repository root.
# app_classpath GOAL NAME: builds tzurot-app with GOAL (test-compile, or package when the bench starts the jar)
# and prints the classpath of its test classes with every dependency (kept in tzurot-app/target/NAME).
app_classpath() {
  mvn -B -q -Dstyle.color=never "$1" dependency:build-classpath -DskipTests -pl tzurot-app -am \
    -Dmdep.includeScope=test -Dmdep.outputFile="target/$2" >/dev/null || return 1
  echo "tzurot-app/target/test-classes:tzurot-app/target/classes:$(cat "tzurot-app/target/$2")"
}
