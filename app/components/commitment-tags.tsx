// A commitment's (or improvement action's) status and risk, in words as well as colour.
import { useTranslation } from 'react-i18next'
import type { RiskBand } from '~/domain/commitments'

const riskClass: Record<RiskBand, string> = {
  low: 'tag tag--green',
  medium: 'tag',
  high: 'tag tag--red',
  very_high: 'tag tag--red',
}

export function CommitmentStatusTags({
  status,
  overdue,
  cancellationAwaitingApproval,
}: {
  status: string
  overdue: boolean
  cancellationAwaitingApproval?: boolean
}) {
  const { t } = useTranslation('staff')
  return (
    <>
      <span className={status === 'done' ? 'tag tag--green' : status === 'cancelled' ? 'tag tag--grey' : 'tag'}>
        {t(`commitments.statuses.${status}`, { defaultValue: status })}
      </span>
      {overdue ? (
        <>
          {' '}
          <strong className="tag tag--red">{t('commitments.statuses.overdue')}</strong>
        </>
      ) : null}
      {cancellationAwaitingApproval ? (
        <>
          <br />
          <span className="hint">{t('commitments.cancellationAwaitingApproval')}</span>
        </>
      ) : null}
    </>
  )
}

export function RiskTag({ risk }: { risk: { score: number; band: RiskBand } | null }) {
  const { t } = useTranslation('staff')
  if (!risk) return <span className="hint">{t('commitments.risk.notRated')}</span>
  return (
    <span className={riskClass[risk.band]}>
      {t(`commitments.risk.bands.${risk.band}`)} ({risk.score})
    </span>
  )
}
