#!/bin/sh
# run-one.sh TEST: compile one test of the Go test suite and run it, for
# conformance.exp (which runs several of these at once through xargs -P).
# TEST is the test's path relative to $CONF_GOTEST, e.g. chan/fifo.go.
# Environment:
#   CONF_GOTEST   the Go test directory
#   CONF_OUT      where to put the results: for TEST, $CONF_OUT/TEST.compile
#                 (compiler output, on failure), .output (the program's
#                 stdout+stderr) and .status (its exit status, or
#                 "compile" when it did not compile)
#   CONF_COMPILE  the compile command; the source and "-o EXE" are appended
#   CONF_RUN      the run prefix (qemu for cross arches), may be empty
#   CONF_TIMEOUT  seconds a run may take
#   CONF_ENV      VAR=V ... added to the program's environment (may be empty)
# The program runs in its source directory, as run.go runs it (a few
# tests read files beside them).
set -u
test=$1
base=$CONF_OUT/${test%.go}
mkdir -p "$(dirname "$base")"
rm -f "$base.compile" "$base.output" "$base.status" "$base.exe"
# shellcheck disable=SC2086
if ! $CONF_COMPILE "$CONF_GOTEST/$test" -o "$base.exe" >"$base.compile" 2>&1 ||
   [ ! -f "$base.exe" ]; then
  echo compile >"$base.status"
  exit 0
fi
rm -f "$base.compile"
# shellcheck disable=SC2086
( cd "$CONF_GOTEST/$(dirname "$test")" &&
  env ${CONF_ENV:-} timeout -k 5 "$CONF_TIMEOUT" $CONF_RUN "$base.exe" >"$base.output" 2>&1 </dev/null )
echo $? >"$base.status"
rm -f "$base.exe"
