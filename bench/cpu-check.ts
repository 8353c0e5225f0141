/**
 * A fixed piece of single-threaded CPU work, timed: the benchmark runs it around each size so a
 * report says how fast the (shared, virtual) machine was while it ran. On the 2-vCPU machine of
 * bench/RESULTS.md it took 3.3–4.1 s during the recorded runs, and about 3 s is expected when
 * the host is quiet (see RESULTS.md for how that was estimated); every other number moves with it.
 *
 *   node bench/cpu-check.ts   → {"seconds": …}
 */
const started = performance.now();
let x = 0;
for (let i = 0; i < 1.5e9; i++) x += i % 7;
// Printing x keeps the loop from being optimised away.
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, checksum: x }));
