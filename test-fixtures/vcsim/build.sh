#!/bin/sh
# Builds test-fixtures/vcsim/bin/vcsim-jvirt from main.go against the Debian-packaged govmomi
# (golang-go, golang-github-vmware-govmomi-dev). Skips (exit 0) when either is missing, so
# tests that need vcsim skip instead of failing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
gopath=${GOPATH_GOVMOMI:-/usr/share/gocode}
if ! command -v go >/dev/null 2>&1; then
    echo "vcsim: 'go' not found, skipping the vcsim build (apt-get install golang-go)"
    exit 0
fi
if [ ! -d "$gopath/src/github.com/vmware/govmomi/simulator" ]; then
    echo "vcsim: govmomi sources not found under $gopath, skipping (apt-get install golang-github-vmware-govmomi-dev)"
    exit 0
fi
mkdir -p "$here/bin"
cd "$here"
GOPATH="$gopath" GO111MODULE=off GOCACHE="${GOCACHE:-$here/bin/.gocache}" go build -o "$here/bin/vcsim-jvirt" ./main.go
echo "vcsim: built $here/bin/vcsim-jvirt"
