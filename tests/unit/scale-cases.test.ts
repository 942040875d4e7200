import { describe, expect, it } from 'vitest'
import { scaleCaseChunk } from '../../db/scale-cases'
import { validateCaseRows } from '~/domain/complaints/csv'
import { parseCaseCsv } from '~/server/case-import.server'

const today = '2026-12-06'
const options = { total: 20_000, years: 6, today }

describe('scaleCaseChunk', () => {
  const text = scaleCaseChunk(0, 20_000, options)
  const parsed = parseCaseCsv(text)
  const checked = validateCaseRows(parsed.rows, 2, { lines: parsed.lines, today })

  it('writes lines the case import accepts, none of them in the future', () => {
    expect(parsed.problems).toEqual([])
    expect(checked.problems.slice(0, 3)).toEqual([])
    expect(checked.rows).toHaveLength(20_000)
  })

  it('spreads cases over the years, more of them recent, with most old ones closed', () => {
    const received = parsed.rows.map((row) => row.received_on ?? '')
    expect(received.every((date) => date >= '2020-12-06' && date <= today)).toBe(true)
    const lastYear = received.filter((date) => date > '2025-12-06').length
    const firstYear = received.filter((date) => date <= '2021-12-06').length
    expect(lastYear).toBeGreaterThan(firstYear * 2)
    const old = parsed.rows.filter((row) => (row.received_on ?? '') < '2026-06-01')
    const open = old.filter((row) => row.status === 'open').length
    expect(open).toBe(0)
    const share = (status: string) => parsed.rows.filter((row) => row.status === status).length / parsed.rows.length
    expect(share('resolved_at_first_contact')).toBeGreaterThan(0.25)
    expect(share('resolved_at_first_contact')).toBeLessThan(0.4)
    expect(parsed.rows.filter((row) => row.escalated_on).length / parsed.rows.length).toBeGreaterThan(0.05)
  })

  it('has residents who complain more than once', () => {
    const byResident = new Map<string, number>()
    for (const row of parsed.rows)
      byResident.set(row.resident_key ?? '', (byResident.get(row.resident_key ?? '') ?? 0) + 1)
    const repeats = [...byResident.values()].filter((n) => n > 1).length
    expect(repeats).toBeGreaterThan(100)
  })

  it('is the same every time, and chunks number their cases on from each other', () => {
    expect(scaleCaseChunk(0, 100, options)).toBe(scaleCaseChunk(0, 100, options))
    const second = parseCaseCsv(scaleCaseChunk(100, 100, options)).rows
    expect(second[0]?.reference).toBe('SC-00000100')
    expect(parseCaseCsv(scaleCaseChunk(19_990, 100, options)).rows).toHaveLength(10)
  })
})
