#!/usr/bin/env bash
# Checks tradekit as a host sees it, after `./mvnw install -Dmaven.repo.local=REPO` has put the reactor's artifacts in
# REPO (a throwaway repository, never the shared ~/.m2, which is read through maven.repo.local.tail instead):
#   1. every module was installed with its sources jar, its javadoc jar and a JPMS name (Automatic-Module-Name);
#   2. this host project builds offline through tradekit-bom with tradekit-core, -strategies and -data, and its
#      classpath holds neither the examples (the CLI), JMH nor slf4j-simple;
#   3. its backtest of sma-cross over data/ETH-USD-5m.csv gives the figures the CLI's backtest of the same file
#      writes to summary.json, and its embedded paper bot runs 60 bars and fills orders.
# Usage: host-example/check.sh REPO
set -euo pipefail
repo=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
host="$root/host-example"
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -1)
fail() { echo "host-example: FAILED: $*" >&2; exit 1; }

# 1. What was installed.
skipped=()
modules=$(sed -n 's:^ *<module>\(.*\)</module>$:\1:p' "$root/pom.xml")
for module in $modules; do
  dir="$repo/io/tradekit/$module/$version"
  [[ -f "$dir/$module-$version.pom" ]] || fail "$module is not installed in $repo"
  [[ $module == tradekit-bom ]] && continue
  for kind in "" -sources; do
    [[ -f "$dir/$module-$version$kind.jar" ]] || fail "$module-$version$kind.jar is not installed"
  done
  if grep -q '<maven.javadoc.skip>true</maven.javadoc.skip>' "$root/$module/pom.xml"; then
    skipped+=("$module")  # LibraryLayoutTest allows this only while the module has no public class
  else
    [[ -f "$dir/$module-$version-javadoc.jar" ]] || fail "$module-$version-javadoc.jar is not installed"
  fi
  name="io.${module//-/.}"
  jar --describe-module --file "$dir/$module-$version.jar" | grep -q "^$name@$version automatic" \
    || fail "$module's jar does not name its module $name (Automatic-Module-Name)"
done
echo "host-example: $(wc -w <<< "$modules") artifacts installed with sources, javadoc and a module name (no javadoc: ${skipped[*]:-none})"

# 2. The host's build, offline, against that repository.
build=(-B -ntp -q -o -f "$host/pom.xml" -Dmaven.repo.local="$repo" -Dmaven.repo.local.tail="$HOME/.m2/repository")
rm -rf "$host/target"
"$root/mvnw" "${build[@]}" compile dependency:build-classpath -Dmdep.outputFile="$host/target/classpath.txt"
classpath=$(cat "$host/target/classpath.txt")
for needed in tradekit-core tradekit-strategies tradekit-data; do
  [[ $classpath == *"/$needed-$version.jar"* ]] || fail "$needed is not on the host's classpath: $classpath"
done
for unwanted in tradekit-examples jmh-core slf4j-simple; do
  [[ $classpath != *"/$unwanted"* ]] || fail "$unwanted is on the host's classpath: $classpath"
done

# 3. What it prints.
output=$(cd "$host" && java -cp "target/classes:$classpath" com.example.host.HostMain data/ETH-USD-5m.csv 2> target/stderr.txt) \
  || { cat "$host/target/stderr.txt" >&2; fail "the host program exited with an error"; }
echo "$output"
java -jar "$root/tradekit-examples/target/tradekit.jar" backtest --data "$host/data/ETH-USD-5m.csv" --symbol ETH-USD \
  --out "$host/target/cli-run" > /dev/null 2>&1 || fail "the CLI's backtest of the same file failed"
figure() { sed -n "s/^  \"$1\" : \(.*\),\$/\1/p" "$host/target/cli-run/summary.json"; }
bars=$(($(wc -l < "$host/data/ETH-USD-5m.csv") - 1))  # every line after the header is one bar
expected="backtest bars=$bars roundTrips=$(figure roundTrips) fees=$(figure fees) finalEquity=$(figure finalEquity)"
grep -qxF "$expected" <<< "$output" || fail "expected the CLI's figures: '$expected'"
grep -qx 'paper bars=60 state=RUNNING equity=[0-9.]*' <<< "$output" || fail "the paper bot did not run 60 bars"
grep -q '^paper fill ' <<< "$output" || fail "the paper bot filled no order in 60 bars"
echo "host-example: passed"
