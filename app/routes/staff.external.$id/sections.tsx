import { Form, Link, type useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ExternalStateTag } from '~/components/external-state-tag'
import { Button, Radios, Select, TextArea, TextInput } from '~/components/form'
import {
  actionKinds,
  DETERMINATION_ACTIONS_WORKING_DAYS,
  findingField,
  findingKinds,
  issueField,
  mediationOutcomes,
} from '~/domain/external-cases'
import type { FieldErrors } from '~/domain/forms'
import type { loader } from './route'

type Data = ReturnType<typeof useLoaderData<typeof loader>>
type Row = Data['asks'][number]
type Rejected = { errors: FieldErrors; values: Record<string, string | string[]> } | null

export function CaseSummary({ data }: { data: Data }) {
  const { t } = useTranslation('staff')
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt className="summary-list__key">{t('external.case.opened')}</dt>
        <dd className="summary-list__value">{data.opened}</dd>
      </div>
      {data.complaintReference ? (
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('external.case.complaint')}</dt>
          <dd className="summary-list__value">
            <Link className="link" to={`/staff/complaints/${encodeURIComponent(data.complaintReference)}`}>
              <bdi>{data.complaintReference}</bdi>
            </Link>
          </dd>
        </div>
      ) : null}
      {data.notes ? (
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('external.case.notes')}</dt>
          <dd className="summary-list__value preserve-lines">{data.notes}</dd>
        </div>
      ) : null}
      {data.outcome ? (
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('external.case.outcome')}</dt>
          <dd className="summary-list__value">{t(`external.mediationOutcomes.${data.outcome}`)}</dd>
        </div>
      ) : null}
      {data.closed ? (
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('external.case.closed')}</dt>
          <dd className="summary-list__value">{data.closed}</dd>
        </div>
      ) : null}
    </dl>
  )
}

export function RequestsTable({
  id,
  heading,
  rows,
  caseId,
  canAnswer,
  actions,
}: {
  id: string
  heading: string
  rows: Row[]
  caseId: string
  canAnswer: boolean
  actions: boolean
}) {
  const { t } = useTranslation('staff')
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 className="heading-m" id={`${id}-heading`}>
        {heading}
      </h2>
      {rows.length === 0 ? (
        <p className="body">{t(actions ? 'external.case.noActions' : 'external.case.noAsks')}</p>
      ) : (
        <div className="table-wrapper" role="region" aria-labelledby={`${id}-heading`} tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('external.columns.request')}</th>
                <th scope="col">{t('external.columns.description')}</th>
                <th scope="col">{actions ? t('external.columns.recorded') : t('external.columns.received')}</th>
                <th scope="col">{t('external.columns.due')}</th>
                <th scope="col">{actions ? t('external.columns.complied') : t('external.columns.answered')}</th>
                <th scope="col">{t('external.columns.state')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{t(`external.requestKinds.${row.kind}`)}</th>
                  <td>
                    <span className="preserve-lines">{row.description}</span>
                    {row.evidence ? (
                      <span className="hint preserve-lines">
                        {' '}
                        {t('external.case.evidence')}: {row.evidence}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {actions ? row.recorded : row.received}
                    {actions && row.loggedLate ? (
                      <>
                        {' '}
                        <strong className="tag tag--red">
                          {t('external.case.loggedLate', { days: DETERMINATION_ACTIONS_WORKING_DAYS })}
                        </strong>
                      </>
                    ) : null}
                  </td>
                  <td>{row.due}</td>
                  <td>
                    {row.answered ??
                      (canAnswer ? (
                        <Link className="link" to={`/staff/external/${caseId}/requests/${row.id}`}>
                          {actions ? t('external.case.recordCompliance') : t('external.case.recordAnswer')}
                          <span className="visually-hidden">: {row.description}</span>
                        </Link>
                      ) : null)}
                  </td>
                  <td>
                    <ExternalStateTag state={row.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export function FindingsSection({ data }: { data: Data }) {
  const { t } = useTranslation('staff')
  if (data.kind !== 'ombudsman_investigation') return null
  return (
    <section aria-labelledby="determination-heading">
      <h2 className="heading-m" id="determination-heading">
        {t('external.case.determinationHeading')}
      </h2>
      {data.determined ? (
        <>
          <p className="body">
            {t('external.case.determinedOn', { date: data.determined })}{' '}
            <strong className={data.adverse ? 'tag tag--red' : 'tag tag--grey'}>
              {data.adverse ? t('external.case.adverse') : t('external.case.notAdverse')}
            </strong>
          </p>
          <div className="table-wrapper" role="region" aria-labelledby="determination-heading" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('external.columns.issue')}</th>
                  <th scope="col">{t('external.columns.finding')}</th>
                </tr>
              </thead>
              <tbody>
                {data.findings.map((f, index) => (
                  <tr key={index}>
                    <th scope="row" className="preserve-lines">
                      {f.issue}
                    </th>
                    <td>{t(`external.findings.${f.finding}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="body">{t('external.case.notDetermined')}</p>
      )}
    </section>
  )
}

export function CaseForms({ data, rejected }: { data: Data; rejected: Rejected }) {
  const { t } = useTranslation('staff')
  const value = (name: string) => {
    const v = rejected?.values[name]
    return typeof v === 'string' ? v : undefined
  }
  const errors = rejected?.errors ?? {}
  return (
    <>
      {data.forms.ask ? (
        <section aria-labelledby="add-request-heading">
          <h2 className="heading-m" id="add-request-heading">
            {t('external.case.addRequestHeading')}
          </h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="request" />
            <input type="hidden" name="submissionKey" value={data.submissionKey} />
            <Radios
              name="requestKind"
              legend={t('external.case.requestKind')}
              error={errors.requestKind}
              defaultValue={
                value('requestKind') ?? (data.forms.askKinds.length === 1 ? data.forms.askKinds[0] : undefined)
              }
              choices={data.forms.askKinds.map((kind) => ({ value: kind, label: t(`external.requestKinds.${kind}`) }))}
            />
            <TextArea
              name="requestDescription"
              label={t('external.case.requestDescription')}
              error={errors.requestDescription}
              defaultValue={value('requestDescription')}
              rows={3}
            />
            <TextInput
              type="date"
              name="requestReceivedOn"
              label={t('external.case.receivedOn')}
              error={errors.requestReceivedOn}
              defaultValue={value('requestReceivedOn')}
              width="10"
            />
            <TextInput
              type="date"
              name="requestDueOn"
              label={t('external.case.dueOn')}
              hint={t('external.case.dueOnHint')}
              error={errors.requestDueOn}
              defaultValue={value('requestDueOn')}
              width="10"
            />
            <Button variant="secondary">{t('external.case.addRequest')}</Button>
          </Form>
        </section>
      ) : null}

      {data.forms.determination ? (
        <section aria-labelledby="record-determination-heading">
          <h2 className="heading-m" id="record-determination-heading">
            {t('external.case.recordDeterminationHeading')}
          </h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="determination" />
            <input type="hidden" name="submissionKey" value={data.submissionKey} />
            <TextInput
              type="date"
              name="determinedOn"
              label={t('external.case.determinedOnLabel')}
              error={errors.determinedOn}
              defaultValue={value('determinedOn')}
              width="10"
            />
            <p className="hint">{t('external.case.findingsHint')}</p>
            {Array.from({ length: data.findingRows }, (_, row) => (
              <fieldset className="fieldset" key={row}>
                <legend className="fieldset__legend fieldset__legend--m">
                  {t('external.case.issueLegend', { number: row + 1 })}
                </legend>
                <TextInput
                  name={issueField(row)}
                  label={t('external.case.issue')}
                  error={errors[issueField(row)]}
                  defaultValue={value(issueField(row))}
                />
                <Select
                  name={findingField(row)}
                  label={t('external.case.finding')}
                  error={errors[findingField(row)]}
                  defaultValue={value(findingField(row)) ?? ''}
                  options={[
                    { value: '', label: t('external.case.chooseFinding') },
                    ...findingKinds.map((kind) => ({ value: kind, label: t(`external.findings.${kind}`) })),
                  ]}
                />
              </fieldset>
            ))}
            <Button variant="secondary">{t('external.case.recordDetermination')}</Button>
          </Form>
        </section>
      ) : null}

      {data.forms.action ? (
        <section aria-labelledby="add-action-heading">
          <h2 className="heading-m" id="add-action-heading">
            {t('external.case.addActionHeading')}
          </h2>
          <p className="body">{t('external.case.addActionIntro', { days: DETERMINATION_ACTIONS_WORKING_DAYS })}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="action" />
            <input type="hidden" name="submissionKey" value={data.submissionKey} />
            <Radios
              name="actionKind"
              legend={t('external.case.actionKind')}
              error={errors.actionKind}
              defaultValue={value('actionKind')}
              choices={actionKinds.map((kind) => ({ value: kind, label: t(`external.requestKinds.${kind}`) }))}
            />
            <TextArea
              name="actionDescription"
              label={t('external.case.actionDescription')}
              error={errors.actionDescription}
              defaultValue={value('actionDescription')}
              rows={3}
            />
            <TextInput
              type="date"
              name="actionDueOn"
              label={t('external.case.actionDueOn')}
              hint={t('external.case.dueOnHint')}
              error={errors.actionDueOn}
              defaultValue={value('actionDueOn')}
              width="10"
            />
            <Button variant="secondary">{t('external.case.addAction')}</Button>
          </Form>
        </section>
      ) : null}

      {data.forms.close ? (
        <section aria-labelledby="close-heading">
          <h2 className="heading-m" id="close-heading">
            {t('external.case.closeHeading')}
          </h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="close" />
            <input type="hidden" name="submissionKey" value={data.submissionKey} />
            {data.forms.mediation ? (
              <Radios
                name="outcome"
                legend={t('external.case.mediationOutcome')}
                error={errors.outcome}
                defaultValue={value('outcome')}
                choices={mediationOutcomes.map((o) => ({ value: o, label: t(`external.mediationOutcomes.${o}`) }))}
              />
            ) : null}
            <TextInput
              type="date"
              name="closedOn"
              label={t('external.case.closedOn')}
              hint={t('external.case.closedOnHint')}
              error={errors.closedOn}
              defaultValue={value('closedOn') ?? data.today}
              width="10"
            />
            <Button>{t('external.case.close')}</Button>
          </Form>
        </section>
      ) : null}
    </>
  )
}
