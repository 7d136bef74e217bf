#!/usr/bin/env bash
# The jvirsh archive's test (run by the build, phase integration-test): unpack
# jvirsh-VERSION.tar.gz into a temporary folder and run bin/jvirsh from there with an environment
# that has java but no Maven and no source tree: a fresh HOME, a PATH holding only a java link and
# the basic tools, the working directory outside the source tree.
# Usage: dist-test.sh ARCHIVE VERSION
set -euo pipefail
archive="$1"
version="$2"
fail() {
    echo "dist-test: FAILED: $*" >&2
    exit 1
}
[[ -f "$archive" ]] || fail "no archive $archive"
work="$(mktemp -d "${TMPDIR:-/tmp}/jvirsh-dist-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
dist="$work/jvirsh-$version"
[[ -x "$dist/bin/jvirsh" ]] || fail "bin/jvirsh is missing or not executable"
[[ -f "$dist/share/bash-completion/completions/jvirsh" ]] || fail "the bash completion script is missing"
[[ -f "$dist/README.md" && -f "$dist/THIRD-PARTY.md" ]] || fail "README.md or THIRD-PARTY.md is missing"
ls "$dist"/lib/cli-*.jar >/dev/null 2>&1 || fail "lib/ has no cli jar"
ls "$dist"/lib/vsphere-simulator-*.jar >/dev/null 2>&1 || fail "lib/ has no vsphere-simulator jar (for --sim)"
# (no grep -q in a pipe: under pipefail its early exit would make ls fail and the test pass)
unwanted="$(ls "$dist/lib" | grep -E '^(junit|mockito|jazzer|maven|test-fixtures)' || true)"
[[ -z "$unwanted" ]] || fail "lib/ holds test or build jars: $unwanted"


# An environment without Maven: only java (through JAVA_HOME's bin or a link) and coreutils.
java_bin="$(command -v java)" || fail "no java to run the test with"
mkdir -p "$work/home" "$work/path"
ln -s "$(readlink -f "$java_bin")" "$work/path/java"
for tool in sh dirname cksum tr stat ls mkdir mv rm cat readlink; do
    if t="$(command -v "$tool")"; then ln -s "$t" "$work/path/$tool"; fi
done
run() {
    (cd "$work" && env -i HOME="$work/home" PATH="$work/path" LANG=C "$dist/bin/jvirsh" "$@")
}
if env -i PATH="$work/path" sh -c 'command -v mvn' >/dev/null 2>&1; then fail "mvn is on the test PATH"; fi

# virsh -c test:///default list --all (libvirt's test driver: one running domain 'test')
expected=$' Id   Name   State\n----------------------\n 1    test   running\n'
actual="$(run -c test:///default list --all; echo x)"
actual="${actual%x}"
if [[ "$actual" != "$expected"$'\n' ]]; then
    diff <(printf '%s\n' "$expected") <(printf '%s' "$actual") >&2 || true
    fail "bin/jvirsh -c test:///default list --all printed something else (diff above)"
fi
# the second run uses the start-up archive made by the first (when this Java can make one)
actual2="$(run -c test:///default list --all; echo x)"
[[ "${actual2%x}" == "$actual" ]] || fail "the second run (with the start-up archive) printed something else"
if ! ls "$work"/home/.cache/jvirsh/jvirsh-dist-*.jsa >/dev/null 2>&1; then
    # a Java that can make a dynamic archive (JDK 13+) must have made one
    if "$java_bin" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' ArchiveClassesAtExit '; then
        fail "no start-up archive was made, though this Java can make one"
    fi
    echo "dist-test: note: no start-up archive was made (this Java cannot make one)" >&2
fi

# --sim: the embedded vSphere simulator of lib/ (an ESX host with two VMs)
sim="$(run --sim list --all)" || fail "bin/jvirsh --sim list --all failed"
[[ "$sim" == *" 1    ha-host_VM0   running"* && "$sim" == *" -    ha-host_VM1   shut off"* ]] \
    || fail "bin/jvirsh --sim list --all printed: $sim"

# a bad URI is a clear error, exit status 1, no Java exception
set +e
err="$(run -c bogus:///x list 2>&1 >/dev/null)"
status=$?
set -e
[[ $status -eq 1 ]] || fail "a bad URI exited with $status, expected 1"
[[ "$err" == *"error: failed to connect to the hypervisor"* ]] || fail "a bad URI printed: $err"
[[ "$err" != *"Exception"* ]] || fail "a bad URI printed a Java exception: $err"

# the bash completion script of the archive completes domain names through bin/jvirsh
completion="$(cd "$work" && env -i HOME="$work/home" PATH="$work/path:$(dirname "$(command -v bash)")" bash -c '
    source "$1/share/bash-completion/completions/jvirsh"
    COMP_LINE="$1/bin/jvirsh -c test:///default dominfo "
    COMP_POINT=${#COMP_LINE}
    COMP_WORDS=("$1/bin/jvirsh" -c test : ///default dominfo "")
    COMP_CWORD=6
    _jvirsh_complete
    printf "%s\n" "${COMPREPLY[@]}"' _ "$dist")"
[[ "$completion" == "test" ]] || fail "completion of 'dominfo ' offered: $completion"

echo "dist-test: $archive: bin/jvirsh runs without Maven; list --all, a bad URI and completion as expected"
echo "dist-test: 1 passed, 0 failed"
