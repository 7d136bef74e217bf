#!/usr/bin/env python3
"""Turns bench/run.sh's raw numbers into bench/results/RESULTS.md and plot.svg (log-log, drawn
here: no plotting library needed), or with --readme copies RESULTS.md into README.md between
the markers <!-- bench:begin --> and <!-- bench:end -->."""
import math
import os
import re
import sys


def read_tsv(path):
    out = {}
    with open(path) as f:
        for line in f:
            if "\t" in line:
                k, v = line.rstrip("\n").split("\t", 1)
                out[k] = v
    return out


def num(d, k):
    try:
        return float(d[k])
    except (KeyError, ValueError):
        return None


def fmt_s(v):
    if v is None:
        return "–"
    return f"{v:.3f} s" if v < 10 else f"{v:.1f} s"


def fmt_ms(v):
    return "–" if v is None else (f"{v:.1f}" if v < 100 else f"{v:.0f}")


def fmt_req(v):
    return "–" if v is None else f"{int(v)}"


def ratio(a, b):
    return "–" if a is None or b is None or b == 0 else f"{a / b:.2f}x"


def fmt_bytes(v):
    if v is None:
        return "–"
    return f"{v / 1024:.0f} KiB" if v < 1024 * 1024 else f"{v / 1024 / 1024:.1f} MiB"


CLIENTS = [("jvirsh", "jvirsh (cold process)", "#d62728"),
           ("virsh", "virsh 9.0 (cold process)", "#1f77b4"),
           ("govmomi", "govmomi (cold process)", "#2ca02c"),
           ("jdk", "bare JDK client (cold process)", "#9467bd"),
           ("warm", "jvirt library (warm connection)", "#ff7f0e")]


def series(rows, client, what):
    pts = []
    for r in rows:
        n = num(r, "n")
        if client == "warm":
            v = num(r, "list_ms")
            v = None if v is None else v / 1000
            if what == "requests":
                v = num(r, "list_requests")
        else:
            v = num(r, f"cold_{client}_s" if what == "time" else f"cold_{client}_requests")
        if n and v is not None and v > 0:
            pts.append((n, v))
    return pts


def svg_panel(x0, y0, w, h, title, ylabel, data, fmt_y):
    """One log-log panel; data: list of (label, colour, points)."""
    xs = [p[0] for _, _, pts in data for p in pts]
    ys = [p[1] for _, _, pts in data for p in pts]
    if not xs:
        return ""
    lx0, lx1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
    ly0, ly1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    if lx0 == lx1:
        lx1 += 1
    if ly0 == ly1:
        ly1 += 1
    left, bottom = 60, 40

    def px(x):
        return x0 + left + (math.log10(x) - lx0) / (lx1 - lx0) * (w - left - 10)

    def py(y):
        return y0 + h - bottom - (math.log10(y) - ly0) / (ly1 - ly0) * (h - bottom - 30)

    s = [f'<text x="{x0 + w / 2}" y="{y0 + 18}" text-anchor="middle" font-size="14" font-weight="bold">{title}</text>']
    for e in range(lx0, lx1 + 1):
        x = px(10 ** e)
        s.append(f'<line x1="{x:.1f}" y1="{py(10 ** ly0):.1f}" x2="{x:.1f}" y2="{py(10 ** ly1):.1f}" stroke="#ddd"/>')
        s.append(f'<text x="{x:.1f}" y="{py(10 ** ly0) + 16:.1f}" text-anchor="middle" font-size="11">{10 ** e:g}</text>')
    for e in range(ly0, ly1 + 1):
        y = py(10 ** e)
        s.append(f'<line x1="{px(10 ** lx0):.1f}" y1="{y:.1f}" x2="{px(10 ** lx1):.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        s.append(f'<text x="{px(10 ** lx0) - 5:.1f}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{fmt_y(10 ** e)}</text>')
    s.append(f'<text x="{x0 + left + (w - left) / 2}" y="{y0 + h - 5}" text-anchor="middle" font-size="12">VMs in the inventory</text>')
    s.append(f'<text x="{x0 + 14}" y="{y0 + h / 2}" text-anchor="middle" font-size="12" '
             f'transform="rotate(-90 {x0 + 14} {y0 + h / 2})">{ylabel}</text>')
    for _, colour, pts in data:
        if not pts:
            continue
        path = " ".join(f"{'M' if i == 0 else 'L'}{px(x):.1f},{py(y):.1f}" for i, (x, y) in enumerate(pts))
        # dashed and dotted lines stay visible where clients coincide (jvirsh, govmomi, JDK: 5 requests)
        dash = {"#2ca02c": ' stroke-dasharray="7,5"', "#9467bd": ' stroke-dasharray="2,4"'}.get(colour, "")
        s.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        for x, y in pts:
            s.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}"/>')
    return "\n".join(s)


def plot(rows, path):
    w, h = 460, 340
    time_data = [(label, colour, series(rows, c, "time")) for c, label, colour in CLIENTS]
    req_data = [(label, colour, series(rows, c, "requests")) for c, label, colour in CLIENTS]
    legend = []
    lx, ly = 60, h + 14
    for label, colour, pts in time_data:
        if pts:
            width = 18 + 7 * len(label) + 20
            if lx + width > 2 * w:  # next row
                lx, ly = 60, ly + 20
            legend.append(f'<rect x="{lx}" y="{ly}" width="14" height="4" fill="{colour}"/>'
                          f'<text x="{lx + 18}" y="{ly + 6}" font-size="12">{label}</text>')
            lx += width
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * w}" height="{ly + 26}" '
             f'font-family="sans-serif"><rect width="100%" height="100%" fill="white"/>',
             svg_panel(0, 0, w, h, "list --all: time", "seconds", time_data, lambda v: f"{v:g}"),
             svg_panel(w, 0, w, h, "list --all: requests", "HTTP requests", req_data, lambda v: f"{v:g}")]
    parts.extend(legend)
    parts.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(parts) + "\n")


def report(raw, out):
    env = read_tsv(os.path.join(raw, "env.tsv"))
    rows = []
    for name in os.listdir(raw):
        m = re.fullmatch(r"n(\d+)\.tsv", name)
        if m:
            rows.append(read_tsv(os.path.join(raw, name)))
    rows.sort(key=lambda r: num(r, "n"))
    threads = read_tsv(os.path.join(raw, "threads.tsv")) if os.path.exists(os.path.join(raw, "threads.tsv")) else {}
    L = []
    L.append(f"Run {env.get('date', '?')} by `bench/run.sh` on this machine ({env.get('cpus', '?')} CPUs, "
             f"load average at start {env.get('load', '?')}; {env.get('java', '')}; virsh {env.get('virsh', 'missing')}; "
             f"govmomi {env.get('govmomi', 'none')}). Server: vcsim (ESX model, govmomi 0.24.2) on loopback, "
             f"HTTPS, with array items typed as ESX types them (libvirt needs that). "
             f"Cold = the whole process, median of {env.get('runs', '?')} runs (3 at 10,000 VMs; virsh once there), "
             f"the clients taking turns run by run. "
             f"Requests = HTTP requests the server received.")
    L.append("")
    L.append("**`list --all` as a whole process (cold)**")
    L.append("")
    L.append("| VMs | jvirsh | virsh | govmomi | bare JDK client | jvirsh / virsh | jvirsh / govmomi | bare JDK / govmomi | "
             "requests jvirsh / virsh / govmomi / bare JDK |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        j, v, g, k = num(r, "cold_jvirsh_s"), num(r, "cold_virsh_s"), num(r, "cold_govmomi_s"), num(r, "cold_jdk_s")
        L.append(f"| {int(num(r, 'n'))} | {fmt_s(j)} | {fmt_s(v)} | {fmt_s(g)} | {fmt_s(k)} | {ratio(j, v)} | {ratio(j, g)} | "
                 f"{ratio(k, g)} | {fmt_req(num(r, 'cold_jvirsh_requests'))} / {fmt_req(num(r, 'cold_virsh_requests'))} / "
                 f"{fmt_req(num(r, 'cold_govmomi_requests'))} / {fmt_req(num(r, 'cold_jdk_requests'))} |")
    L.append("")
    L.append("The bare JDK client (`bench/jdklist/JdkList.java`) sends govmomi's requests with the JDK's HTTPS client and "
             "reads them with its StAX parser, nothing else, from a JVM with jvirsh's options and a class-data archive "
             "of its own: what any Java client pays before its own code runs.")
    L.append("")
    L.append("**jvirt library, one JVM** (`ClientBench warm`: connect = `ConnectionFactory.open`, warm; "
             "first open = the first one in a fresh JVM; dominfo = lookup by name + `info()`, dumpxml = lookup by name + `xmlDesc()`, "
             "p50/p99 in ms; -Xmx = the smallest heap (of 8, 12, 16, 24, 32, 48, 64, ... MiB) with which a whole `jvirsh list --all` process still lists every VM)")
    L.append("")
    L.append("| VMs | first open | connect (req) | list (req) | -Xmx needed | dominfo p50 / p99 (req) | dumpxml p50 / p99 (req) |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        xmx = num(r, "jvirsh_xmx_needed_mib")
        L.append(f"| {int(num(r, 'n'))} | {fmt_ms(num(r, 'first_open_ms'))} ms | {fmt_ms(num(r, 'connect_ms'))} ms ({fmt_req(num(r, 'connect_requests'))}) | "
                 f"{fmt_ms(num(r, 'list_ms'))} ms ({fmt_req(num(r, 'list_requests'))}) | "
                 f"{'–' if xmx is None else f'{int(xmx)} MiB'} | "
                 f"{fmt_ms(num(r, 'dominfo_p50_ms'))} / {fmt_ms(num(r, 'dominfo_p99_ms'))} ({fmt_ms(num(r, 'dominfo_requests'))}) | "
                 f"{fmt_ms(num(r, 'dumpxml_p50_ms'))} / {fmt_ms(num(r, 'dumpxml_p99_ms'))} ({fmt_ms(num(r, 'dumpxml_requests'))}) |")
    if threads:
        L.append("")
        L.append(f"**Threads on one connection** (`domstate`, one request each; vcsim with 100 VMs and "
                 f"{threads.get('latency', '?')} added to every request, as a real server's latency)")
        L.append("")
        L.append("| threads | domstate/s | vs 1 thread |")
        L.append("|---:|---:|---:|")
        one = num(threads, "domstate_per_s_t1")
        for t in (1, 2, 4, 8, 16):
            v = num(threads, f"domstate_per_s_t{t}")
            if v is not None:
                L.append(f"| {t} | {v:.0f} | {ratio(v, one)} |")
    vpx_path = os.path.join(raw, "vpx.tsv")
    if os.path.exists(vpx_path):
        x = read_tsv(vpx_path)
        L.append("")
        L.append(f"**A large vCenter inventory** (vcsim's vpx model: {x.get('hosts', '?')} standalone hosts x "
                 f"{x.get('vms_per_host', '?')} VMs, connection scope = the datacenter `{x.get('scope', '?')}`; "
                 f"`ClientBench scale` in one JVM, lookups: 20 each, time = the median of the last 15, requests = per lookup; "
                 f"cold = the whole process)")
        L.append("")
        L.append("| VMs | first connect in a fresh JVM (req) | list (req) | list retained heap | by name (req) | by UUID (req) | by id (req) | "
                 "cold jvirsh list --all (req) | cold govmomi (req) | cold bare JDK (req) | -Xmx needed |")
        L.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        xmx = num(x, "jvirsh_xmx_needed_mib")
        L.append(f"| {int(num(x, 'scale_list_size') or 0)} | {fmt_ms(num(x, 'scale_connect_ms'))} ms ({fmt_req(num(x, 'scale_connect_requests'))}) | "
                 f"{fmt_ms(num(x, 'scale_list_ms'))} ms ({fmt_req(num(x, 'scale_list_requests'))}) | "
                 f"{fmt_bytes(num(x, 'scale_list_retained_bytes'))} | "
                 + " | ".join(f"{fmt_ms(num(x, f'scale_lookup_{b}_ms'))} ms ({fmt_ms(num(x, f'scale_lookup_{b}_requests'))})"
                              for b in ("name", "uuid", "id"))
                 + f" | {fmt_s(num(x, 'cold_jvirsh_s'))} ({fmt_req(num(x, 'cold_jvirsh_requests'))}) | "
                 f"{fmt_s(num(x, 'cold_govmomi_s'))} ({fmt_req(num(x, 'cold_govmomi_requests'))}) | "
                 f"{fmt_s(num(x, 'cold_jdk_s'))} ({fmt_req(num(x, 'cold_jdk_requests'))}) | "
                 f"{'–' if xmx is None else f'{int(xmx)} MiB'} |")
    L.append("")
    L.append("![list --all: time and requests against inventory size, log-log](plot.svg)")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "RESULTS.md"), "w") as f:
        f.write("\n".join(L) + "\n")
    plot(rows, os.path.join(out, "plot.svg"))


def readme(results, readme_path):
    body = open(results).read().strip().replace("](plot.svg)", "](bench/results/plot.svg)")
    text = open(readme_path).read()
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    if begin not in text or end not in text:
        sys.exit(f"{readme_path}: markers {begin} / {end} missing")
    a, rest = text.split(begin, 1)
    _, b = rest.split(end, 1)
    with open(readme_path, "w") as f:
        f.write(a + begin + "\n" + body + "\n" + end + b)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--readme":
        readme(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3:
        report(sys.argv[1], sys.argv[2])
    else:
        sys.exit("usage: report.py RAW_DIR OUT_DIR | report.py --readme RESULTS.md README.md")
