// The parts of autocannon's result the bench reads (the package ships no types).
declare module 'autocannon' {
  interface Stats {
    average: number
    p50: number
    p90: number
    p99: number
  }
  interface Result {
    requests: Stats
    latency: Stats
    errors: number
    non2xx: number
  }
  export default function autocannon(options: { url: string; connections?: number; duration?: number }): Promise<Result>
}
