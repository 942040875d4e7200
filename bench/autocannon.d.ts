// The parts of autocannon the bench uses (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    interface Result {
      errors: number
      non2xx: number
    }
    interface Options {
      url: string | string[]
      method?: 'GET' | 'POST'
      body?: string
      headers?: Record<string, string>
      connections?: number
      duration?: number
    }
    interface Instance {
      on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void
    }
  }
  function autocannon(
    options: autocannon.Options,
    done: (error: Error | null, result: autocannon.Result) => void,
  ): autocannon.Instance
  export default autocannon
}
