"""Run ankommen and OR-Tools on the same instance files and compare.

For each instance: both solvers run as separate processes (peak RSS per process from wait4),
the placed count and total cost must be equal, and the solve-time ratio is printed.
Exit status 1 if any optimum differs.
"""
import json
import os
import subprocess
import sys


def run(cmd):
    """Run cmd and return its last stdout line as JSON."""
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_measured(cmd):
    """Like run(), but with the child's own peak RSS via os.wait4."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.strip()}")
    return json.loads(out.strip().splitlines()[-1]), usage.ru_maxrss / 1024.0


def main() -> int:
    bench_bin, python, out_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    sizes = sys.argv[4].split()
    here = os.path.dirname(os.path.abspath(__file__))
    rows, ok = [], True
    for size in sizes:
        path = os.path.join(out_dir, f"{size}.bin")
        meta = run([bench_bin, "generate", size, "1", path])
        repeat = "1" if meta["arcs"] > 1_000_000 else "5"
        ours, ours_mib = run_measured([bench_bin, "solve", path, repeat])
        ort, ort_mib = run_measured([python, os.path.join(here, "ortools_solve.py"), path, repeat])
        same = (ours["placed"], ours["total_cost"]) == (ort["placed"], ort["total_cost"])
        ok &= same
        ratio = ours["solve_ms"] / ort["solve_ms"] if ort["solve_ms"] > 0 else float("nan")
        rows.append((size, meta, ours, ort, same, ratio, ours_mib, ort_mib))
        print(
            f"{size:>7}: {meta['participants']} participants, {meta['courses']} courses, "
            f"{meta['arcs']} arcs, {meta['seats']} seats | placed {ours['placed']} "
            f"cost {ours['total_cost']} | {'EQUAL' if same else 'DIFFERENT'} optimum "
            f"(OR-Tools: {ort['placed']} / {ort['total_cost']})",
            flush=True,
        )
        print(
            f"         ankommen {ours['solve_ms']:.1f} ms, {ours_mib:.0f} MiB peak | OR-Tools "
            f"{ort['solve_ms']:.1f} ms (+{ort['build_ms']:.1f} ms graph build), {ort_mib:.0f} MiB "
            f"peak | time ratio ankommen/OR-Tools {ratio:.2f}",
            flush=True,
        )
    print()
    print("| instance | participants | courses | arcs | placed | total cost | equal | ankommen ms "
          "| OR-Tools ms | ratio | ankommen MiB | OR-Tools MiB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size, meta, ours, ort, same, ratio, om, tm in rows:
        print(f"| {size} | {meta['participants']} | {meta['courses']} | {meta['arcs']} | "
              f"{ours['placed']} | {ours['total_cost']} | {'yes' if same else 'NO'} | "
              f"{ours['solve_ms']:.1f} | {ort['solve_ms']:.1f} | {ratio:.2f} | {om:.0f} | {tm:.0f} |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
