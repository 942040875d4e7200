// Loaded into the app under test with `node --import ./bench/probe.js server.js`: it watches the
// event loop and the resident set, and on SIGUSR2 writes what it saw since the last signal to
// BENCH_PROBE_FILE, then starts again. The app's own code knows nothing of it.
import { renameSync, writeFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

const file = process.env.BENCH_PROBE_FILE
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  let peakRss = process.memoryUsage.rss()
  let sequence = 0
  setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
  }, 100).unref()
  /** @param {number} ns */
  const ms = (ns) => Math.round(ns / 1e4) / 100
  process.on('SIGUSR2', () => {
    sequence += 1
    const rss = process.memoryUsage.rss()
    // Written whole, then renamed: the bench never reads half a file.
    writeFileSync(
      `${file}.tmp`,
      JSON.stringify({
        sequence,
        rssMb: Math.round(rss / 1048576),
        peakRssMb: Math.round(Math.max(peakRss, rss) / 1048576),
        eventLoopDelayMs: {
          mean: ms(delay.mean),
          p50: ms(delay.percentile(50)),
          p99: ms(delay.percentile(99)),
          max: ms(delay.max),
        },
      }),
    )
    renameSync(`${file}.tmp`, file)
    delay.reset()
    peakRss = rss
  })
}
