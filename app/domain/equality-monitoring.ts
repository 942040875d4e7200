// Equality monitoring (issue 7 §7; Code "equality impact assessment"): who complains compared with
// everyone who answered the optional questions. Aggregates only, every cell suppressed (kpis.md:
// counts 1–9 and rates over fewer than 10 show "fewer than 10"); no individual answer leaves here.
import { equalityQuestions } from './journeys/complaint'
import { suppressCell, type ShownCell } from './suppression'
import { percent } from './kpis'

export interface EqualityResponseRow {
  residentId: string | null
  answers: unknown
  createdAt: Date | string
}

/** Answers every question offers besides its own options. */
export const extraAnswers = ['prefer_not_to_say'] as const
/** The row for people in the group who left a question unanswered, so each column adds up. */
export const NOT_ANSWERED = 'not_answered'

export interface EqualityAnswerRow {
  answer: string
  complainants: ShownCell
  complainantsPct: ShownCell
  population: ShownCell
  populationPct: ShownCell
}

export interface EqualityQuestionTable {
  question: string
  rows: EqualityAnswerRow[]
}

export interface EqualityMonitoring {
  /** How many complainants in the period, and how many people in all, answered: suppressed too. */
  complainants: ShownCell
  population: ShownCell
  questions: EqualityQuestionTable[]
}

function answersOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
  const out: Record<string, string> = {}
  for (const [key, answer] of Object.entries(value)) if (typeof answer === 'string' && answer) out[key] = answer
  return out
}

/**
 * One set of answers per person: a resident who answered more than once (once per complaint)
 * counts with their latest answers; answers no longer tied to a resident each count once.
 */
export function latestPerResident(
  rows: readonly EqualityResponseRow[],
): Array<{ residentId: string | null; answers: Record<string, string> }> {
  const time = (row: EqualityResponseRow) => new Date(row.createdAt).getTime()
  const latest = new Map<string, EqualityResponseRow>()
  const unlinked: EqualityResponseRow[] = []
  for (const row of rows) {
    if (row.residentId == null) {
      unlinked.push(row)
      continue
    }
    const seen = latest.get(row.residentId)
    if (!seen || time(row) > time(seen)) latest.set(row.residentId, row)
  }
  return [...latest.values(), ...unlinked].map((row) => ({
    residentId: row.residentId,
    answers: answersOf(row.answers),
  }))
}

/**
 * The monitoring table: for each question (the journey's, then any other stored) and each answer,
 * the count and percentage among complainants in the period and in the whole population of people
 * who answered. Percentages are over everyone in the group who answered any question.
 */
export function equalityMonitoring(
  responses: readonly EqualityResponseRow[],
  complainantIds: ReadonlySet<string>,
): EqualityMonitoring {
  const population = latestPerResident(responses)
  const complainants = population.filter((p) => p.residentId != null && complainantIds.has(p.residentId))
  const known = Object.keys(equalityQuestions)
  const stored = [...new Set(population.flatMap((p) => Object.keys(p.answers)))].sort()
  const questions = [...known, ...stored.filter((q) => !known.includes(q))]

  const table = questions.map((question) => {
    const offered: readonly string[] = (equalityQuestions as Record<string, readonly string[]>)[question] ?? []
    const given = [...new Set(population.flatMap((p) => (p.answers[question] ? [p.answers[question]] : [])))]
    const answers = [
      ...offered,
      ...extraAnswers,
      ...given.filter((a) => !offered.includes(a) && !(extraAnswers as readonly string[]).includes(a)).sort(),
      NOT_ANSWERED,
    ]
    const countIn = (group: typeof population, answer: string) =>
      group.filter((p) => (p.answers[question] ?? NOT_ANSWERED) === answer).length
    return {
      question,
      rows: answers.map((answer) => {
        const c = countIn(complainants, answer)
        const p = countIn(population, answer)
        return {
          answer,
          complainants: suppressCell({ kind: 'count', value: c }),
          complainantsPct: suppressCell({
            kind: 'rate',
            value: percent(c, complainants.length),
            denominator: complainants.length,
          }),
          population: suppressCell({ kind: 'count', value: p }),
          populationPct: suppressCell({
            kind: 'rate',
            value: percent(p, population.length),
            denominator: population.length,
          }),
        }
      }),
    }
  })
  return {
    complainants: suppressCell({ kind: 'count', value: complainants.length }),
    population: suppressCell({ kind: 'count', value: population.length }),
    questions: table,
  }
}
