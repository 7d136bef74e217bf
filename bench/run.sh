#!/usr/bin/env bash
# bench/run.sh [N ...]: jvirt beside virsh and a govmomi client against VMware's vcsim (ESX model)
# with N VMs (default 10 100 1000 10000). Builds what it needs, then writes
# bench/results/RESULTS.md (tables), bench/results/plot.svg (log-log plot) and the raw numbers in
# bench/results/raw/, and puts the tables into README.md between the bench markers.
# Environment: BENCH_RUNS (cold runs per client and N, default 5), BENCH_THREAD_SECONDS (3),
# BENCH_LATENCY (per-request server latency of the threads test, default 20ms),
# BENCH_VPX_HOSTS / BENCH_VPX_VMS (a vCenter inventory of 50 hosts x 200 VMs; BENCH_VPX_HOSTS=0 skips it),
# BENCH_NO_README=1 to leave README.md alone, MVN_OFFLINE=0 to let Maven download.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10 100 1000 10000)
runs="${BENCH_RUNS:-5}"
seconds="${BENCH_THREAD_SECONDS:-3}"
latency="${BENCH_LATENCY:-20ms}"
out="$root/bench/results"
raw="$out/raw"
work="$(mktemp -d "${TMPDIR:-/tmp}/jvirt-bench.XXXXXX")"
vcsim_pid=""
cleanup() {
    if [[ -n "$vcsim_pid" ]]; then kill "$vcsim_pid" 2>/dev/null || true; wait "$vcsim_pid" 2>/dev/null || true; fi
    exec 9>&- 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- build ---------------------------------------------------------------------------------
say "building jvirsh and the benchmark jar (mvn package)"
offline=-o
[[ "${MVN_OFFLINE:-1}" == 0 ]] && offline=
mvn -B -q $offline -Dstyle.color=never -DskipTests package -pl cli,benchmarks -am >"$work/mvn.log" 2>&1 \
    || { cat "$work/mvn.log" >&2; echo "error: build failed" >&2; exit 1; }
[[ -x test-fixtures/vcsim/bin/vcsim-jvirt && test-fixtures/vcsim/bin/vcsim-jvirt -nt test-fixtures/vcsim/main.go ]] \
    || test-fixtures/vcsim/build.sh >&2
[[ -x test-fixtures/vcsim/bin/vcsim-jvirt ]] || { echo "error: vcsim is needed (Go and govmomi's source, see test-fixtures/vcsim/README.md)" >&2; exit 1; }
golist=""
if command -v go >/dev/null 2>&1 && [[ -d "${GOPATH_GOVMOMI:-/usr/share/gocode}/src/github.com/vmware/govmomi" ]]; then
    mkdir -p bench/bin
    if [[ ! -x bench/bin/golist || bench/golist/main.go -nt bench/bin/golist ]]; then
        say "building bench/bin/golist (govmomi)"
        (cd bench/golist && GOPATH="${GOPATH_GOVMOMI:-/usr/share/gocode}" GO111MODULE=off \
            GOCACHE="${GOCACHE:-$root/test-fixtures/vcsim/bin/.gocache}" go build -o "$root/bench/bin/golist" .)
    fi
    golist="$root/bench/bin/golist"
else
    say "Go or govmomi's source missing: no govmomi column"
fi
# JdkList: the same requests as golist from a JVM with jvirsh's JVM options (the launcher's) and a
# class-data archive of its own, made by one run against the first server (not measured)
# (CDS archives classes from jars only)
jdklist="$work/jdklist"
javac -d "$jdklist/classes" bench/jdklist/JdkList.java
jar cf "$jdklist/jdklist.jar" -C "$jdklist/classes" .
jdk_jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable -Xlog:all=error:stderr
    -XX:CICompilerCount=1 -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -cp "$jdklist/jdklist.jar")
have_virsh=0
command -v virsh >/dev/null 2>&1 && have_virsh=1 || say "virsh missing: no virsh column"
bench_jar="$root/benchmarks/target/benchmarks.jar"
# the launcher prepares its class-data archive once per build: not part of any measurement
./jvirsh --version >/dev/null

auth="$work/auth.conf"
printf '[credentials-bench]\nusername=user\npassword=pass\n\n[auth-esx-127.0.0.1]\ncredentials=bench\n\n[auth-vpx-127.0.0.1]\ncredentials=bench\n' >"$auth"
chmod 600 "$auth"

# ---- vcsim -----------------------------------------------------------------------------------
start_vcsim() { # N [extra flags]: sets port and vcsim_pid
    local n="$1"; shift
    rm -f "$work/in" && mkfifo "$work/in"
    test-fixtures/vcsim/bin/vcsim-jvirt -model esx -vms "$n" -typed-array-items "$@" -listen 127.0.0.1:0 \
        <"$work/in" >"$work/url" 2>"$work/vcsim.err" &
    vcsim_pid=$!
    exec 9>"$work/in"   # keep its stdin open
    for _ in $(seq 1 3000); do
        [[ -s "$work/url" ]] && break
        kill -0 "$vcsim_pid" 2>/dev/null || { cat "$work/vcsim.err" >&2; echo "error: vcsim did not start" >&2; exit 1; }
        sleep 0.1
    done
    port="$(sed -E 's#.*:([0-9]+)/sdk#\1#' "$work/url")"
}
stop_vcsim() {
    exec 9>&-
    wait "$vcsim_pid" 2>/dev/null || true
    vcsim_pid=""
}
requests() { curl -sk "https://127.0.0.1:$port/jvirt/requests"; }
now() { date +%s%N; }

# run_client NAME: one whole-process run of a client against the current server ($uri, $port)
run_client() {
    case "$1" in
        jvirsh) ./jvirsh --auth-file "$auth" -c "$uri" list --all ;;
        govmomi) "$golist" "https://user:pass@127.0.0.1:$port/sdk" ;;
        jdk) java "${jdk_jvm[@]}" -XX:SharedArchiveFile="$jdklist/jdk.jsa" JdkList "https://127.0.0.1:$port/sdk" user pass ;;
        virsh) env LIBVIRT_AUTH_FILE="$auth" virsh -c "$uri" list --all ;;
    esac
}

# cold LINES RUNS CLIENT...: RUNS rounds of whole-process runs, one run of each client per round,
# so that this machine's speed, which drifts by up to a quarter within minutes, weighs on every
# client alike; per client the median seconds and the requests of one run. LINES is the number
# of output lines that name a VM (checked, so a failing client is no result).
cold() {
    local want="$1" n_runs="$2"; shift 2
    local -A times=() reqs=() dropped=()
    local c before t0 t1 got med
    for _ in $(seq 1 "$n_runs"); do
        for c in "$@"; do
            [[ -n "${dropped[$c]:-}" ]] && continue
            before="$(requests)"
            t0="$(now)"
            if ! run_client "$c" >"$work/stdout" 2>"$work/stderr"; then
                say "$c failed: $(tail -2 "$work/stderr")"; dropped[$c]=1; continue
            fi
            t1="$(now)"
            reqs[$c]=$(( $(requests) - before ))
            got="$(grep -c -E "(^| )${vm_re}( |\$)" "$work/stdout" || true)"
            if [[ "$got" != "$want" ]]; then
                say "$c listed $got VMs instead of $want: not counted"; dropped[$c]=1; continue
            fi
            times[$c]+="$(( (t1 - t0) / 1000 )) "
        done
    done
    for c in "$@"; do
        [[ -n "${dropped[$c]:-}" ]] && continue
        med="$(printf '%s\n' ${times[$c]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
        printf 'cold_%s_s\t%s\ncold_%s_requests\t%s\n' "$c" "$(awk -v u="$med" 'BEGIN{printf "%.4f", u/1e6}')" "$c" "${reqs[$c]}"
    done
}

# the smallest -Xmx (MiB) with which `jvirsh list --all` still lists all N VMs
heap_needed() {
    local n="$1" m
    for m in 8 12 16 24 32 48 64 96 128 192 256 384 512; do
        if JVIRSH_JAVA_OPTS="-Xmx${m}m" ./jvirsh --auth-file "$auth" -c "$uri" list --all >"$work/stdout" 2>/dev/null \
            && [[ "$(grep -c -E " ${vm_re} " "$work/stdout")" == "$n" ]]; then
            printf 'jvirsh_xmx_needed_mib\t%s\n' "$m"
            return
        fi
    done
}

# the VM names vcsim gives (ESX model); cold runs count them in each client's output
vm_re='ha-host_VM[0-9]+'
rm -rf "$raw" && mkdir -p "$raw"
{
    printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'cpus\t%s\n' "$(nproc)"
    printf 'load\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf 'java\t%s\n' "$(java -version 2>&1 | head -1)"
    [[ $have_virsh == 1 ]] && printf 'virsh\t%s\n' "$(virsh --version)"
    printf 'govmomi\t%s\n' "$( [[ -n "$golist" ]] && echo 0.24.2 || echo none)"
    printf 'runs\t%s\n' "$runs"
} >"$raw/env.tsv"

for n in "${sizes[@]}"; do
    say "N=$n: starting vcsim"
    start_vcsim "$n"
    uri="esx://user@127.0.0.1:$port/?no_verify=1"
    r="$runs"; [[ "$n" -ge 10000 ]] && r=$(( runs < 3 ? runs : 3 ))
    {
        printf 'n\t%s\n' "$n"
        say "N=$n: jvirt in one JVM (connect, list, dominfo, dumpxml)"
        java -cp "$bench_jar" io.jvirt.benchmarks.ClientBench warm "https://127.0.0.1:$port" "$n"
        [[ -f "$jdklist/jdk.jsa" ]] || java "${jdk_jvm[@]}" -XX:ArchiveClassesAtExit="$jdklist/jdk.jsa" \
            JdkList "https://127.0.0.1:$port/sdk" user pass >/dev/null
        clients=(jvirsh)
        [[ -n "$golist" ]] && clients+=(govmomi)
        clients+=(jdk)
        [[ $have_virsh == 1 && "$n" -lt 10000 ]] && clients+=(virsh)
        say "N=$n: cold list x$r, interleaved: ${clients[*]}"
        cold "$n" "$r" "${clients[@]}"
        if [[ $have_virsh == 1 && "$n" -ge 10000 ]]; then
            say "N=$n: cold virsh list --all x1"
            cold "$n" 1 virsh
        fi
        say "N=$n: heap jvirsh needs"
        heap_needed "$n"
    } >"$raw/n$n.tsv"
    stop_vcsim
done

say "threads: vcsim with 100 VMs and $latency per request"
start_vcsim 100 -latency "$latency"
{
    printf 'latency\t%s\n' "$latency"
    java -cp "$bench_jar" io.jvirt.benchmarks.ClientBench threads "https://127.0.0.1:$port" "$seconds" 1 2 4 8 16
} >"$raw/threads.tsv"
stop_vcsim

vpx_hosts="${BENCH_VPX_HOSTS:-50}"
vpx_vms="${BENCH_VPX_VMS:-200}"
if [[ "$vpx_hosts" != 0 ]]; then
    n=$(( vpx_hosts * vpx_vms ))
    say "vpx: vcsim with $vpx_hosts hosts x $vpx_vms VMs (creating $n VMs takes a minute)"
    start_vcsim "$vpx_vms" -model vpx -hosts "$vpx_hosts" -clusters 0
    vm_re='DC0_H[0-9]+_VM[0-9]+'
    uri="vpx://user@127.0.0.1:$port/DC0?no_verify=1"
    r=$(( runs < 3 ? runs : 3 ))
    {
        printf 'hosts\t%s\nvms_per_host\t%s\nscope\tDC0\n' "$vpx_hosts" "$vpx_vms"
        say "vpx: jvirt in one JVM (connect, list, lookups by name, UUID, id)"
        java -cp "$bench_jar" io.jvirt.benchmarks.ClientBench scale "https://127.0.0.1:$port" "$n" "$uri"
        clients=(jvirsh)
        [[ -n "$golist" ]] && clients+=(govmomi)
        clients+=(jdk)
        say "vpx: cold list x$r, interleaved: ${clients[*]}"
        cold "$n" "$r" "${clients[@]}"
        # libvirt's vpx driver needs a path down to one host: no virsh column here
        say "vpx: heap jvirsh needs"
        heap_needed "$n"
    } >"$raw/vpx.tsv"
    stop_vcsim
fi

say "writing bench/results"
python3 bench/report.py "$raw" "$out"
if [[ "${BENCH_NO_README:-0}" != 1 ]]; then
    python3 bench/report.py --readme "$out/RESULTS.md" README.md
fi
cat "$out/RESULTS.md"
