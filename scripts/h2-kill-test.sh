#!/usr/bin/env bash
# What the embedded H2 store survives: starts Bluehelm on a fresh data folder, writes organisation
# units through the API from several clients, kills the JVM with SIGKILL in the middle of the writes,
# starts it again and compares what the clients were told was saved with what is there.
# Usage: scripts/h2-kill-test.sh [seconds-of-writing] [writers]     (results go to stdout)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
writers=${2:-4}
port=18093
dir=$(mktemp -d)
password=kill-test-password
jar=target/bluehelm.jar
[ -f "$jar" ] || ./mvnw -q -B -ntp -DskipTests package

start() {
  env ${KILL_TEST_DB_URL:+BLUEHELM_DB_URL="${KILL_TEST_DB_URL//DIR/$dir}"} BLUEHELM_DATA_DIR="$dir/data" BLUEHELM_ADMIN_PASSWORD=$password BLUEHELM_DEMO=false SERVER_PORT=$port \
    java -jar "$jar" > "$dir/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null -u admin:$password "http://127.0.0.1:$port/api/v1/me" && return 0
    sleep 1
  done
  echo "Bluehelm did not start; log in $dir/app.log" >&2
  exit 1
}

start
token=$(curl -fs -u admin:$password -H 'Content-Type: application/json' -d '{"name":"kill test"}' \
  "http://127.0.0.1:$port/api/v1/me/tokens" | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
echo "started pid $pid, data in $dir/data; writing for ${seconds}s with $writers clients"
for w in $(seq 1 "$writers"); do
  (
    i=0
    while true; do
      i=$((i + 1))
      code="KILL-$w-$i"
      status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "{\"code\":\"$code\",\"name\":\"Kill test $code\",\"kind\":\"AREA\",\"countryCode\":\"LBR\"}" \
        "http://127.0.0.1:$port/api/v1/orgUnits" || true)
      [ "$status" = "201" ] && echo "$code" >> "$dir/acknowledged-$w"
    done
  ) &
done
sleep "$seconds"
kill -KILL "$pid"
wait "$pid" 2>/dev/null || true
sleep 1
kill $(jobs -p) 2>/dev/null || true
wait 2>/dev/null || true
acknowledged=$(cat "$dir"/acknowledged-* 2>/dev/null | sort -u)
echo "killed with SIGKILL after ${seconds}s; clients were told $(echo "$acknowledged" | grep -c . ) writes succeeded"

start
page=0
: > "$dir/stored"
while true; do
  body=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/orgUnits?q=KILL-&size=200&page=$page")
  echo "$body" | grep -o '"code":"KILL-[^"]*"' | cut -d'"' -f4 >> "$dir/stored"
  total=$(echo "$body" | grep -o '"total":[0-9]*' | cut -d: -f2)
  page=$((page + 1))
  [ $((page * 200)) -ge "$total" ] && break
done
stored=$(sort -u "$dir/stored")
lost=$(comm -23 <(echo "$acknowledged") <(echo "$stored") | grep -c . || true)
unacknowledged=$(comm -13 <(echo "$acknowledged") <(echo "$stored") | grep -c . || true)
echo "after restart: the database opened; $(echo "$stored" | grep -c .) units stored;" \
  "$lost acknowledged writes lost; $unacknowledged writes stored whose answer never reached the client"
kill "$pid"
wait "$pid" 2>/dev/null || true
rm -rf "$dir"
