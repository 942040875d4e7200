import { describe, expect, it } from 'vitest'
import { attributionKey, countCompliments, validateStaffCompliment } from '~/domain/compliments'

const input = {
  source: 'phone',
  serviceArea: 'repairs',
  aboutWhom: '  Repairs   team ',
  message: 'The plumber was kind and quick.',
  fromName: '',
  receivedOn: '2026-06-10',
}

describe('a compliment staff record', () => {
  it('keeps how it came, what was said, when, and who it is about', () => {
    expect(validateStaffCompliment(input, '2026-06-10')).toEqual({
      ok: true,
      value: {
        source: 'phone',
        serviceArea: 'repairs',
        aboutWhom: 'Repairs   team',
        message: 'The plumber was kind and quick.',
        fromName: null,
        receivedOn: '2026-06-10',
      },
    })
  })
  it('may leave the service area and the person out', () => {
    const result = validateStaffCompliment({ ...input, serviceArea: '', aboutWhom: '' }, '2026-06-10')
    expect(result.ok && [result.value.serviceArea, result.value.aboutWhom]).toEqual([null, null])
  })
  it('needs a source staff can record, a message and a real date not in the future', () => {
    expect(
      validateStaffCompliment(
        { ...input, source: 'resident', serviceArea: 'gardens', message: ' ', receivedOn: '2026-06-11' },
        '2026-06-10',
      ),
    ).toEqual({
      ok: false,
      errors: {
        source: { key: 'staff-errors:compliments.sourceRequired' },
        serviceArea: { key: 'staff-errors:compliments.serviceAreaUnknown' },
        message: { key: 'staff-errors:compliments.messageRequired' },
        receivedOn: { key: 'staff-errors:compliments.receivedOnFuture' },
      },
    })
    expect(validateStaffCompliment({ ...input, receivedOn: '10/06/2026' }, '2026-06-10')).toEqual({
      ok: false,
      errors: { receivedOn: { key: 'staff-errors:compliments.receivedOnInvalid' } },
    })
  })
})

describe('counting compliments', () => {
  it('treats the same team or person typed differently as one', () => {
    expect(attributionKey(' Repairs  TEAM ')).toBe('repairs team')
    expect(attributionKey('   ')).toBeNull()
    expect(attributionKey(null)).toBeNull()
  })
  it('counts by service area and by team or person, most first, unattributed last', () => {
    const counted = countCompliments([
      { serviceArea: 'repairs', aboutWhom: 'Repairs team' },
      { serviceArea: 'repairs', aboutWhom: 'repairs  team' },
      { serviceArea: 'tenancy', aboutWhom: 'Amira' },
      { serviceArea: null, aboutWhom: null },
      { serviceArea: 'tenancy', aboutWhom: 'Bryn' },
    ])
    expect(counted.total).toBe(5)
    expect(counted.byServiceArea).toEqual([
      { label: 'repairs', count: 2 },
      { label: 'tenancy', count: 2 },
      { label: null, count: 1 },
    ])
    expect(counted.byTeamOrPerson).toEqual([
      { label: 'Repairs team', count: 2 },
      { label: 'Amira', count: 1 },
      { label: 'Bryn', count: 1 },
      { label: null, count: 1 },
    ])
  })
})
