// The forms that move a commitment or an improvement action along (PTR-5, GOV-2): progress, risk,
// a revised due date, completion with evidence, the head of service's sign-off, cancellation. Plain
// POST forms, one intent each, so they work without JavaScript.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, Select, TextArea, TextInput } from '~/components/form'
import { isFinished, riskLevels, riskMatrix, type CommitmentStatus } from '~/domain/commitments'
import type { FieldErrors } from '~/domain/forms'

interface Props {
  kind: 'commitment' | 'improvement'
  action: {
    status: CommitmentStatus
    likelihood: number | null
    impact: number | null
    cancellationAwaitingApproval: boolean
  }
  canUpdate: boolean
  canSignOff: boolean
  submissionKey: string
  today: string
  rejected: { errors: FieldErrors; values: Record<string, string | string[]> } | null
}

export function TrackedActionForms({ kind, action, canUpdate, canSignOff, submissionKey, today, rejected }: Props) {
  const { t } = useTranslation('staff')
  const errors = rejected?.errors ?? {}
  const value = (name: string, fallback?: string) => {
    const v = rejected?.values[name]
    return typeof v === 'string' ? v : fallback
  }
  const { status } = action
  const inHand = status === 'open' || status === 'in_progress'
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
    </>
  )
  const levels = (axis: 'likelihood' | 'impact') => [
    { value: '', label: t('commitments.risk.choose') },
    ...riskLevels.map((n) => ({ value: String(n), label: `${n} – ${t(`commitments.risk.${axis}Levels.${n}`)}` })),
  ]
  return (
    <>
      {canUpdate && !isFinished(status) ? (
        <section aria-labelledby="progress-heading">
          <h2 className="heading-m" id="progress-heading">
            {t('commitments.forms.progress.heading')}
          </h2>
          <Form method="post" noValidate>
            {hidden('progress')}
            <TextArea
              name="note"
              label={t('commitments.forms.progress.note')}
              hint={t('commitments.forms.progress.noteHint')}
              error={errors.note}
              defaultValue={value('note')}
              rows={3}
            />
            {kind === 'commitment' ? (
              <TextArea
                name="residentUpdate"
                label={t('commitments.forms.progress.residentUpdate')}
                hint={t('commitments.forms.progress.residentUpdateHint')}
                error={errors.residentUpdate}
                defaultValue={value('residentUpdate')}
                rows={3}
              />
            ) : null}
            <Button variant="secondary">{t('commitments.forms.progress.submit')}</Button>
          </Form>
        </section>
      ) : null}

      {canUpdate && !isFinished(status) ? (
        <section aria-labelledby="risk-heading">
          <h2 className="heading-m" id="risk-heading">
            {t('commitments.forms.risk.heading')}
          </h2>
          <Form method="post" noValidate>
            {hidden('risk')}
            <Select
              name="likelihood"
              label={t('commitments.forms.risk.likelihood')}
              error={errors.likelihood}
              defaultValue={value('likelihood', action.likelihood ? String(action.likelihood) : '')}
              options={levels('likelihood')}
            />
            <Select
              name="impact"
              label={t('commitments.forms.risk.impact')}
              error={errors.impact}
              defaultValue={value('impact', action.impact ? String(action.impact) : '')}
              options={levels('impact')}
            />
            <details className="details">
              <summary className="details__summary">{t('commitments.forms.risk.matrix')}</summary>
              <div className="details__text">
                <table className="table">
                  <caption className="table__caption">{t('commitments.forms.risk.matrixCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('commitments.forms.risk.impact')}</th>
                      {riskLevels.map((n) => (
                        <th scope="col" key={n}>
                          {t('commitments.forms.risk.likelihoodN', { n })}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {riskMatrix().map((row) => (
                      <tr key={row.impact}>
                        <th scope="row">{`${row.impact} – ${t(`commitments.risk.impactLevels.${row.impact}`)}`}</th>
                        {row.cells.map((cell) => (
                          <td key={cell.likelihood}>
                            {cell.score} {t(`commitments.risk.bands.${cell.band}`)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
            <Button variant="secondary">{t('commitments.forms.risk.submit')}</Button>
          </Form>
        </section>
      ) : null}

      {kind === 'commitment' && canUpdate && inHand ? (
        <section aria-labelledby="revise-heading">
          <h2 className="heading-m" id="revise-heading">
            {t('commitments.forms.revise.heading')}
          </h2>
          <Form method="post" noValidate>
            {hidden('revise')}
            <TextInput
              type="date"
              name="dueOn"
              label={t('commitments.forms.revise.dueOn')}
              hint={t('commitments.forms.revise.dueOnHint')}
              error={errors.dueOn}
              defaultValue={value('dueOn')}
              width="10"
            />
            <TextArea
              name="reason"
              label={t('commitments.forms.revise.reason')}
              error={errors.reason}
              defaultValue={value('reason')}
              rows={3}
            />
            <Button variant="secondary">{t('commitments.forms.revise.submit')}</Button>
          </Form>
        </section>
      ) : null}

      {canUpdate && inHand ? (
        <section aria-labelledby="complete-heading">
          <h2 className="heading-m" id="complete-heading">
            {t('commitments.forms.complete.heading')}
          </h2>
          <Form method="post" noValidate>
            {hidden('complete')}
            <TextArea
              name="evidence"
              label={t('commitments.forms.complete.evidence')}
              hint={t('commitments.forms.complete.evidenceHint')}
              error={errors.evidence}
              defaultValue={value('evidence')}
              rows={4}
            />
            <TextInput
              type="date"
              name="completedOn"
              label={t('commitments.forms.complete.completedOn')}
              error={errors.completedOn}
              defaultValue={value('completedOn', today)}
              width="10"
            />
            <Button>{t('commitments.forms.complete.submit')}</Button>
          </Form>
        </section>
      ) : null}

      {status === 'awaiting_sign_off' ? (
        <section aria-labelledby="sign-off-heading">
          <h2 className="heading-m" id="sign-off-heading">
            {t('commitments.forms.signOff.heading')}
          </h2>
          {canSignOff ? (
            <>
              <Form method="post" noValidate>
                {hidden('sign_off')}
                <p className="body">{t('commitments.forms.signOff.body')}</p>
                <Button id="signOff">{t('commitments.forms.signOff.submit')}</Button>
              </Form>
              <Form method="post" noValidate>
                {hidden('return')}
                <TextArea
                  name="returnReason"
                  label={t('commitments.forms.signOff.returnReason')}
                  error={errors.returnReason}
                  defaultValue={value('returnReason')}
                  rows={3}
                />
                <Button variant="secondary">{t('commitments.forms.signOff.return')}</Button>
              </Form>
            </>
          ) : (
            <p className="body">{t('commitments.forms.signOff.waiting')}</p>
          )}
        </section>
      ) : null}

      {canUpdate && !isFinished(status) && (kind === 'commitment' || canSignOff) ? (
        <section aria-labelledby="cancel-heading">
          <h2 className="heading-m" id="cancel-heading">
            {t('commitments.forms.cancel.heading')}
          </h2>
          <Form method="post" noValidate>
            {hidden('cancel')}
            <TextArea
              name="cancelReason"
              label={t('commitments.forms.cancel.reason')}
              hint={canSignOff ? t('commitments.forms.cancel.hintManager') : t('commitments.forms.cancel.hint')}
              error={errors.cancelReason}
              defaultValue={value('cancelReason')}
              rows={3}
            />
            <Button variant="warning">{t('commitments.forms.cancel.submit')}</Button>
          </Form>
        </section>
      ) : null}

      {action.cancellationAwaitingApproval && canSignOff ? (
        <section aria-labelledby="cancellation-heading">
          <h2 className="heading-m" id="cancellation-heading">
            {t('commitments.forms.cancellation.heading')}
          </h2>
          <Form method="post" noValidate>
            {hidden('approve_cancellation')}
            <Button id="cancellation">{t('commitments.forms.cancellation.approve')}</Button>
          </Form>
          <Form method="post" noValidate>
            {hidden('reject_cancellation')}
            <Button variant="secondary">{t('commitments.forms.cancellation.reject')}</Button>
          </Form>
        </section>
      ) : null}
    </>
  )
}
