import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

export interface AnswerRow {
  key: string
  question: ReactNode
  answer: ReactNode
  /** Where "Change" goes; its hidden text names what it changes. */
  change?: { href: string; label: ReactNode; hiddenText: ReactNode }
}

/** GOV.UK summary list: the check-answers page and every read-only record of facts. */
export function SummaryList({ rows }: { rows: AnswerRow[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list__row" key={row.key}>
          <dt className="summary-list__key">{row.question}</dt>
          <dd className="summary-list__value">{row.answer}</dd>
          {row.change ? (
            <dd className="summary-list__actions">
              <Link to={row.change.href} className="link">
                {row.change.label}
                <span className="visually-hidden"> {row.change.hiddenText}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  )
}
