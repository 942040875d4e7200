// Cases at scale for `npm run seed:scale`: years of a landlord's complaints in the import's CSV
// contract (README, "Moving cases in and out"), so they go in through the same checks as real ones.
// Deterministic (a seeded generator), weighted like a real caseload: most old cases closed, about a
// third resolved at first contact, one in eight escalated, some extended, a few withdrawn or
// declined; recent ones open at every stage; a fifth from residents who complain more than once.
import { caseFileHeader } from '../tests/support/generated-cases'

/** mulberry32: a small, fast, seeded generator; the same seed gives the same cases. */
function generator(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

function weighted<T>(random: () => number, choices: ReadonlyArray<readonly [T, number]>): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0)
  let pick = random() * total
  for (const [value, weight] of choices) {
    pick -= weight
    if (pick < 0) return value
  }
  return choices[choices.length - 1]![0]
}

const channels = [
  ['web', 30],
  ['phone', 35],
  ['email', 15],
  ['letter', 4],
  ['in_person', 4],
  ['social_media', 5],
  ['mp', 3],
  ['councillor', 2],
  ['web_chat', 2],
] as const
const categories = [
  ['repairs', 40],
  ['damp_mould', 15],
  ['antisocial_behaviour', 10],
  ['rent_charges', 8],
  ['estate_services', 8],
  ['"Heating, hot water"', 10],
  ['Lifts', 4],
  ['staff_conduct', 5],
] as const

type Shape = (d: (days: number) => string, received: string) => string[]

/** What happened to a case, with the most days after receipt it needs (none may be in the future). */
const shapes: Record<string, { needsDays: number; row: Shape }> = {
  received: { needsDays: 0, row: () => ['', '', '', '', '', '', '', '', '', '', 'open', '', ''] },
  acknowledged: { needsDays: 3, row: (d) => [d(2), '', '', '', '', '', '', '', '', '', 'open', '', ''] },
  extended: { needsDays: 12, row: (d) => [d(2), '10', '', '', '', '', '', '', '', '', 'open', '', ''] },
  respondedOpen: {
    needsDays: 12,
    row: (d) => [d(2), '', d(11), 'upheld', '', '', '', '', '', '', 'open', '', '25.00'],
  },
  closedNotUpheld: {
    needsDays: 12,
    row: (d) => [d(1), '', d(9), 'not_upheld', '', '', '', '', '', '', 'closed', d(12), ''],
  },
  closedUpheld: {
    needsDays: 14,
    row: (d) => [d(2), '', d(12), 'upheld', '', '', '', '', '', '', 'closed', d(14), '50.00'],
  },
  closedPartly: {
    needsDays: 16,
    row: (d) => [d(2), '', d(13), 'partly_upheld', '', '', '', '', '', '', 'closed', d(16), ''],
  },
  closedLate: {
    needsDays: 24,
    row: (d) => [d(4), '', d(24), 'not_upheld', '', '', '', '', '', '', 'closed', d(24), ''],
  },
  closedExtended: {
    needsDays: 26,
    row: (d) => [d(2), '8', d(22), 'partly_upheld', '', '', '', '', '', '', 'closed', d(26), '75.00'],
  },
  escalated: {
    needsDays: 16,
    row: (d) => [d(2), '', d(12), 'partly_upheld', d(15), '', '', '', '', '', 'open', '', ''],
  },
  stage2Acknowledged: {
    needsDays: 25,
    row: (d) => [d(2), '', d(12), 'not_upheld', d(20), d(24), '', '', '', '', 'open', '', ''],
  },
  stage2Closed: {
    needsDays: 48,
    row: (d) => [d(2), '', d(12), 'not_upheld', d(15), d(18), '', d(42), 'upheld', 'yes', 'closed', d(44), '150.00'],
  },
  stage2ClosedSame: {
    needsDays: 60,
    row: (d) => [
      d(2),
      '',
      d(12),
      'partly_upheld',
      d(20),
      d(22),
      '15',
      d(58),
      'partly_upheld',
      'no',
      'closed',
      d(60),
      '',
    ],
  },
  withdrawn: { needsDays: 6, row: (d) => [d(3), '', '', '', '', '', '', '', '', '', 'withdrawn', d(6), ''] },
  declined: { needsDays: 4, row: (d) => ['', '', '', '', '', '', '', '', '', '', 'declined', d(4), ''] },
  firstContact: {
    needsDays: 0,
    row: (_d, r) => ['', '', '', '', '', '', '', '', '', '', 'resolved_at_first_contact', r, ''],
  },
}
type ShapeName = keyof typeof shapes

/** How likely each ending is for a case received `age` days ago. */
function shapeWeights(age: number): ReadonlyArray<readonly [ShapeName, number]> {
  if (age < 60) {
    return [
      ['firstContact', 30],
      ['received', age < 5 ? 20 : 1],
      ['acknowledged', 20],
      ['extended', 4],
      ['respondedOpen', 8],
      ['closedNotUpheld', 12],
      ['closedUpheld', 8],
      ['escalated', 5],
      ['stage2Acknowledged', 4],
      ['withdrawn', 3],
      ['declined', 2],
    ]
  }
  return [
    ['firstContact', 32],
    ['closedNotUpheld', 22],
    ['closedUpheld', 12],
    ['closedPartly', 10],
    ['closedLate', 5],
    ['closedExtended', 4],
    ['stage2Closed', 5],
    ['stage2ClosedSame', 5],
    ['withdrawn', 3],
    ['declined', 2],
  ]
}

export interface ScaleOptions {
  /** Cases in the whole set (references and residents are numbered across chunks). */
  total: number
  years: number
  today: string
  seed?: number
}

/** Lines `from` to `from + count` of the set, as one CSV file with its header. */
export function scaleCaseChunk(from: number, count: number, options: ScaleOptions): string {
  const random = generator((options.seed ?? 20261206) + from)
  const spanDays = Math.round(options.years * 365)
  const repeatPool = Math.max(1, Math.round(options.total / 25))
  const lines = [caseFileHeader]
  for (let i = from; i < Math.min(from + count, options.total); i += 1) {
    // Complaints grow over the years: later days are a little more likely.
    const age = Math.floor(spanDays * Math.sqrt(random()) * -1 + spanDays) // 0 (today) … spanDays
    const received = plusDays(options.today, -age)
    const d = (days: number) => plusDays(received, days)
    const possible = shapeWeights(age).filter(([name]) => (shapes[name]?.needsDays ?? 0) <= age)
    const shape = shapes[weighted(random, possible)]!
    const resident = random() < 0.2 ? `RP-${Math.floor(random() * repeatPool)}` : `R-${i}`
    lines.push(
      [
        `SC-${String(i).padStart(8, '0')}`,
        resident,
        weighted(random, channels),
        weighted(random, categories),
        received,
        ...shape.row(d, received),
      ].join(','),
    )
  }
  return `${lines.join('\n')}\n`
}
