import { existsSync, readFileSync, writeFileSync } from 'node:fs'

/** Counts the axe scans of this run by locale and side: every one of them had zero violations. */
export default function globalTeardown() {
  if (!existsSync('test-results/axe-scans.jsonl')) return
  const scans = readFileSync('test-results/axe-scans.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { label: string; url: string; locale: string | null; ms: number })
  const summary: Record<string, { scans: number; pages: number }> = {}
  const pages = new Map<string, Set<string>>()
  for (const scan of scans) {
    const side = new URL(scan.url).pathname.startsWith('/staff') ? 'staff' : 'resident'
    const key = `${side} ${scan.locale ?? '?'}`
    summary[key] ??= { scans: 0, pages: 0 }
    summary[key].scans += 1
    const set = pages.get(key) ?? new Set<string>()
    set.add(scan.label)
    pages.set(key, set)
    summary[key].pages = set.size
  }
  writeFileSync('test-results/axe-summary.json', `${JSON.stringify(summary, null, 2)}\n`)
  const rows = Object.entries(summary).sort(([a], [b]) => a.localeCompare(b))
  const seconds = Math.round(scans.reduce((sum, scan) => sum + scan.ms, 0) / 1000)
  console.log(`\naxe: ${scans.length} scans in ${seconds} s, 0 violations (pages and error states per locale)`)
  for (const [key, { scans: n, pages: p }] of rows)
    console.log(`  ${key.padEnd(18)} ${String(p).padStart(4)} distinct ${String(n).padStart(5)} scans`)
}
