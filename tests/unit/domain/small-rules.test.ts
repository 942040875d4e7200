import { describe, expect, it } from 'vitest'
import { formatComplaintReference, parseComplaintReference } from '~/domain/complaints/reference'
import { can, staffRoles } from '~/domain/permissions'
import { cleanLine, cleanText } from '~/domain/text'

describe('complaint references', () => {
  it('are PR-year-six digits', () => {
    expect(formatComplaintReference(2026, 123)).toBe('PR-2026-000123')
    expect(formatComplaintReference(2026, 1_234_567)).toBe('PR-2026-1234567')
  })

  it.each([
    ['PR-2026-000123', 'PR-2026-000123'],
    [' pr-2026-123 ', 'PR-2026-000123'],
    ['PR2026000123', 'PR-2026-000123'],
    ['PR-26-1', 'PR-26-1'],
    ['cx/2025/001', 'CX/2025/001'],
    ['a b', 'AB'],
    ['-x', null],
    ['../etc/passwd', null],
    ['', null],
  ])('reads %j as %j', (input, expected) => {
    expect(parseComplaintReference(input)).toBe(expected)
  })
})

describe('cleaning what residents type', () => {
  it('drops control and invisible characters, keeps line breaks, normalises to NFC', () => {
    expect(cleanText('a\u0000b\u200Bc\r\nd\u00A0e\u0301')).toBe('abc\nd\u00A0é')
  })

  it('makes one line of a single-line answer', () => {
    expect(cleanLine('  Sam \n\t Smith ')).toBe('Sam Smith')
  })

  it('treats anything that is not a string as empty', () => {
    expect(cleanText(['a'])).toBe('')
    expect(cleanText(undefined)).toBe('')
  })
})

describe('permissions', () => {
  it('lets only handlers, Stage 2 reviewers and managers decide and respond; only managers reopen', () => {
    const allowed = (action: Parameters<typeof can>[1]) => staffRoles.filter((role) => can({ id: 'x', role }, action))
    expect(allowed('complaint:respond')).toEqual(['complaint_handler', 'stage2_reviewer', 'manager'])
    expect(allowed('complaint:escalate')).toEqual(['advisor', 'complaint_handler', 'stage2_reviewer', 'manager'])
    expect(allowed('complaint:reopen')).toEqual(['manager'])
    expect(allowed('cases:import')).toEqual(['administrator'])
  })

  it('lets every case-working role see complaints, and never the tenant panel', () => {
    for (const role of staffRoles) {
      expect(can({ id: 'x', role }, 'complaint:view')).toBe(role !== 'tenant_panel')
      expect(can({ id: 'x', role }, 'complaint:list')).toBe(role !== 'tenant_panel')
    }
  })
})
