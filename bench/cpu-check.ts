/**
 * A fixed piece of single-threaded CPU work, timed: the benchmark runs it around each size so a
 * report says how fast the (shared, virtual) machine was while it ran. On the 2-vCPU machine of
 * bench/RESULTS.md the same loop took 2.1 s when quiet and up to 3.1 s when its host was busy,
 * and every other number moved with it.
 *
 *   node bench/cpu-check.ts   → {"seconds": …}
 */
const started = performance.now();
let x = 0;
for (let i = 0; i < 1.5e9; i++) x += i % 7;
// Printing x keeps the loop from being optimised away.
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, checksum: x }));
