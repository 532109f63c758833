"""Solve an allocate-bench instance (.bin) with OR-Tools SimpleMinCostFlow.

Network: source -> participant (cap 1) -> course (cap 1 per arc, cost) -> sink (cap = seats),
solved with solve_max_flow_with_min_cost(): maximum flow, then least cost among maximum flows,
which is exactly the objective of ankommen's raw solver. Prints one JSON line.
"""
import json
import statistics
import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow


def main() -> int:
    path = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    data = np.fromfile(path, dtype="<u4")
    n, k, m = (int(x) for x in data[:3])
    caps = data[3 : 3 + k].astype(np.int64)
    arcs = data[3 + k :].reshape(m, 3).astype(np.int64)
    del data
    source, sink = n + k, n + k + 1
    times, build_times = [], []
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        smcf = min_cost_flow.SimpleMinCostFlow()
        p = np.arange(n, dtype=np.int64)
        c = np.arange(k, dtype=np.int64)
        tails = np.concatenate([np.full(n, source), arcs[:, 0], n + c])
        heads = np.concatenate([p, n + arcs[:, 1], np.full(k, sink)])
        capacities = np.concatenate([np.ones(n, np.int64), np.ones(m, np.int64), caps])
        costs = np.concatenate([np.zeros(n, np.int64), arcs[:, 2], np.zeros(k, np.int64)])
        smcf.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
        smcf.set_node_supply(source, n)
        smcf.set_node_supply(sink, -n)
        del tails, heads, capacities, costs
        t1 = time.perf_counter()
        status = smcf.solve_max_flow_with_min_cost()
        t2 = time.perf_counter()
        if status != smcf.OPTIMAL:
            print(json.dumps({"error": f"status {status}"}))
            return 1
        build_times.append((t1 - t0) * 1000)
        times.append((t2 - t1) * 1000)
    # Placed = flow on source arcs (arc ids 0..n-1, added first).
    flows = smcf.flows(np.arange(n, dtype=np.int64))
    print(json.dumps({
        "placed": int(flows.sum()),
        "total_cost": int(smcf.optimal_cost()),
        "solve_ms": round(statistics.median(times), 3),
        "build_ms": round(statistics.median(build_times), 3),
        "runs": len(times),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
