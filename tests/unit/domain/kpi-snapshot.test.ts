import { describe, expect, it } from 'vitest'
import { snapshotKey, snapshotPolicy, snapshotUse } from '~/domain/kpi-snapshot'

const at = new Date('2026-12-06T10:00:00Z')
const after = (ms: number) => new Date(at.getTime() + ms)
const kept = { computedAt: at, dataVersion: 40 }

describe('snapshotUse', () => {
  it('works the figures out when none are kept', () => {
    expect(snapshotUse(null, 0, at)).toBe('recompute')
    expect(snapshotUse(null, 40, after(1))).toBe('recompute')
  })

  it('shows kept figures while nothing has changed, however old', () => {
    expect(snapshotUse(kept, 40, at)).toBe('current')
    expect(snapshotUse(kept, 40, after(snapshotPolicy.maxAgeMs * 100))).toBe('current')
  })

  it('after a change: shows them marked under a minute, refreshes them up to ten minutes, then works them out', () => {
    expect(snapshotUse(kept, 41, at)).toBe('recent')
    expect(snapshotUse(kept, 41, after(snapshotPolicy.quietMs - 1))).toBe('recent')
    expect(snapshotUse(kept, 41, after(snapshotPolicy.quietMs))).toBe('refresh')
    expect(snapshotUse(kept, 99, after(snapshotPolicy.maxAgeMs - 1))).toBe('refresh')
    expect(snapshotUse(kept, 41, after(snapshotPolicy.maxAgeMs))).toBe('recompute')
  })

  it('distrusts a clock that went backwards and an audit trail shorter than when they were kept', () => {
    expect(snapshotUse(kept, 41, after(-1))).toBe('recompute')
    expect(snapshotUse(kept, 39, after(1))).toBe('recompute')
  })

  it('follows the policy it is given', () => {
    const policy = { quietMs: 0, maxAgeMs: 1000 }
    expect(snapshotUse(kept, 41, at, policy)).toBe('refresh')
    expect(snapshotUse(kept, 41, after(1000), policy)).toBe('recompute')
  })
})

describe('snapshotKey', () => {
  const base = { from: '2026-04-01', to: '2026-12-06', runDate: '2026-12-06' }

  it('is the same for the same period, day and filters, however the filters are written', () => {
    expect(snapshotKey(base)).toBe(
      snapshotKey({ ...base, filters: { serviceArea: null, team: null, handlerId: null } }),
    )
    expect(snapshotKey({ ...base, filters: { team: 'North' } })).toBe(
      snapshotKey({ ...base, filters: { handlerId: null, team: 'North', serviceArea: null } }),
    )
  })

  it('differs for each period, day, filter and number of homes', () => {
    const keys = [
      snapshotKey(base),
      snapshotKey({ ...base, from: '2026-04-02' }),
      snapshotKey({ ...base, to: '2026-12-05' }),
      snapshotKey({ ...base, runDate: '2026-12-07' }),
      snapshotKey({ ...base, filters: { serviceArea: 'repairs' } }),
      snapshotKey({ ...base, filters: { team: 'repairs' } }),
      snapshotKey({ ...base, filters: { handlerId: 'repairs' } }),
      snapshotKey({ ...base, homes: 1000 }),
    ]
    expect(new Set(keys).size).toBe(keys.length)
  })
})
