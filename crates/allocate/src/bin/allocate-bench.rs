//! Benchmark driver for the allocation engine (the only part of the crate that does I/O).
//!
//! ```text
//! allocate-bench generate (county | N) SEED OUT.bin [OUT.json]   write an instance
//! allocate-bench solve IN.bin [REPEAT]                           solve, verify, print JSON
//! ```
//! `N` is a participant count for the federal-state structure (one course per 20 people, ~40
//! fitting courses each). The `.bin` file is what bench/ortools_solve.py reads too, so both
//! solvers see the same bytes: little-endian u32 `n, k, m`, `k` capacities, then `m` triples
//! `participant, course, cost`. The optional `.json` is the raw contract's input format.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use ankommen_allocate::generate::{GeneratorConfig, generate};
use ankommen_allocate::{RawArc, RawInstance, solve, verify};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("generate") => cmd_generate(&args[1..]),
        Some("solve") => cmd_solve(&args[1..]),
        _ => Err(
            "usage: allocate-bench generate (county|N) SEED OUT.bin [OUT.json] | \
                  allocate-bench solve IN.bin [REPEAT]"
                .to_string(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("allocate-bench: {e}");
            ExitCode::from(2)
        }
    }
}

fn cmd_generate(args: &[String]) -> Result<(), String> {
    let [preset, seed, out, rest @ ..] = args else {
        return Err("generate needs PRESET SEED OUT.bin".into());
    };
    let seed: u64 = seed.parse().map_err(|_| format!("bad seed {seed}"))?;
    let cfg = match preset.as_str() {
        "county" => GeneratorConfig::county(seed),
        n => GeneratorConfig::scaled(n.parse().map_err(|_| format!("bad preset {n}"))?, seed),
    };
    let inst = generate(&cfg);
    write_bin(&inst, out).map_err(|e| format!("{out}: {e}"))?;
    if let Some(json) = rest.first() {
        write_json(&inst, json).map_err(|e| format!("{json}: {e}"))?;
    }
    println!(
        "{{\"participants\":{},\"courses\":{},\"arcs\":{},\"seats\":{}}}",
        inst.participants(),
        inst.capacities().len(),
        inst.arcs().len(),
        inst.capacities().iter().sum::<u64>()
    );
    Ok(())
}

fn cmd_solve(args: &[String]) -> Result<(), String> {
    let [path, rest @ ..] = args else {
        return Err("solve needs IN.bin".into());
    };
    let repeat: usize = match rest.first() {
        Some(r) => r.parse().map_err(|_| format!("bad repeat count {r}"))?,
        None => 1,
    };
    let inst = read_bin(path)?;
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..repeat.max(1) {
        let started = Instant::now();
        let s = solve(&inst);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        last = Some(s);
    }
    let s = last.ok_or("no run")?;
    // Verification runs after timing: it is an independent proof, not part of the solve.
    verify(&inst, &s).map_err(|e| format!("solution rejected by the checker: {e}"))?;
    times.sort_by(f64::total_cmp);
    println!(
        "{{\"placed\":{},\"total_cost\":{},\"solve_ms\":{:.3},\"runs\":{},\"verified\":true}}",
        s.placed,
        s.total_cost,
        times[times.len() / 2],
        times.len()
    );
    Ok(())
}

fn write_bin(inst: &RawInstance, path: &str) -> std::io::Result<()> {
    let mut w = BufWriter::new(File::create(path)?);
    let mut put = |v: u32| w.write_all(&v.to_le_bytes());
    let header = [
        inst.participants() as u32,
        inst.capacities().len() as u32,
        inst.arcs().len() as u32,
    ];
    for v in header {
        put(v)?;
    }
    for &c in inst.capacities() {
        put(c.min(u64::from(u32::MAX)) as u32)?;
    }
    for a in inst.arcs() {
        put(a.participant)?;
        put(a.course)?;
        put(a.cost)?;
    }
    w.flush()
}

fn write_json(inst: &RawInstance, path: &str) -> std::io::Result<()> {
    let mut w = BufWriter::new(File::create(path)?);
    write!(
        w,
        "{{\"participants\":{},\"courses\":[",
        inst.participants()
    )?;
    for (i, c) in inst.capacities().iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        write!(w, "{sep}{{\"capacity\":{c}}}")?;
    }
    write!(w, "],\"arcs\":[")?;
    for (i, a) in inst.arcs().iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        write!(w, "{sep}[{},{},{}]", a.participant, a.course, a.cost)?;
    }
    writeln!(w, "]}}")?;
    w.flush()
}

fn read_bin(path: &str) -> Result<RawInstance, String> {
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| format!("{path}: {e}"))?;
    let words: Vec<u32> = bytes
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    drop(bytes);
    let bad = || format!("{path}: truncated or malformed instance file");
    let [n, k, m, body @ ..] = words.as_slice() else {
        return Err(bad());
    };
    let (n, k, m) = (*n as usize, *k as usize, *m as usize);
    if body.len() != k + 3 * m {
        return Err(bad());
    }
    let capacities = body[..k].iter().map(|&c| u64::from(c)).collect();
    let arcs = body[k..]
        .chunks_exact(3)
        .map(|t| RawArc {
            participant: t[0],
            course: t[1],
            cost: t[2],
        })
        .collect();
    drop(words);
    RawInstance::new(n, capacities, arcs).map_err(|e| format!("{path}: {e}"))
}
