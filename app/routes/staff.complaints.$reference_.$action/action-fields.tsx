import { useTranslation } from 'react-i18next'
import { Button, Checkboxes, Radios, Select, TextArea, TextInput } from '~/components/form'
import { declineGrounds, decisions, remedyStatuses, remedyTypes } from '~/domain/complaints/case'
import { updateMethods } from '~/domain/complaints/case-forms'
import type { ChecklistResult } from '~/domain/complaints/response-checklist'
import { channels } from '~/domain/complaints/status'
import type { FieldErrors } from '~/domain/forms'
import type { loader } from './route'

type Page = Awaited<ReturnType<typeof loader>>
type Values = Record<string, string | string[]>

function value(values: Values, name: string, fallback = ''): string {
  const v = values[name]
  return (Array.isArray(v) ? v[0] : v) ?? fallback
}

function Checklist({ checklist }: { checklist: ChecklistResult[] | null }) {
  const { t } = useTranslation('staff')
  if (!checklist) return null
  return (
    <div id="checklist" tabIndex={-1}>
      <h2 className="heading-m">{t('case.checklist.heading')}</h2>
      <ul className="checklist">
        {checklist.map((result) => (
          <li key={result.item} className="checklist__item">
            <strong className={result.met ? 'tag tag--green' : 'tag tag--red'}>
              {t(result.met ? 'case.checklist.met' : 'case.checklist.missing')}
            </strong>{' '}
            {t(`checklist.${result.item}`)}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The questions of one case action; the page around it supplies the form, errors and title. */
export function ActionFields({ page, values, errors }: { page: Page; values: Values; errors: FieldErrors }) {
  const { t } = useTranslation('staff')
  const dateField = (name: string, label: string, hint?: string) => (
    <TextInput
      name={name}
      type="date"
      label={label}
      hint={hint}
      error={errors[name]}
      defaultValue={value(values, name, page.today)}
      width="10"
    />
  )
  switch (page.action) {
    case 'acknowledge':
      return (
        <>
          <p className="body">{t('case.acknowledge.intro', { stage: page.stage })}</p>
          {dateField('on', t('case.acknowledge.on'))}
          <TextArea
            name="elements"
            label={page.stage === 1 ? t('case.acknowledge.elements') : t('case.acknowledge.elementsStage2')}
            hint={t('case.acknowledge.elementsHint')}
            error={errors.elements}
            defaultValue={value(values, 'elements', page.suggestedElements)}
            rows={6}
          />
          {page.stage === 2 && page.elements.length > 0 ? (
            <ul className="list list--bullet">
              {page.elements.map((element) => (
                <li key={element.id}>{element.summary}</li>
              ))}
            </ul>
          ) : null}
          <TextArea
            name="outcomesSought"
            label={t('case.acknowledge.outcomesSought')}
            error={errors.outcomesSought}
            defaultValue={value(values, 'outcomesSought', page.suggestedOutcomes)}
            rows={4}
          />
          <TextArea
            name="notInScope"
            label={t('case.acknowledge.notInScope')}
            hint={t('case.acknowledge.notInScopeHint')}
            error={errors.notInScope}
            defaultValue={value(values, 'notInScope')}
            rows={3}
          />
          <Button>{t('case.acknowledge.submit')}</Button>
        </>
      )
    case 'assign':
      return (
        <>
          <Radios
            name="handlerId"
            legend={t('case.assign.legend', { stage: page.stage })}
            hint={page.stage === 2 ? t('case.assign.stage2Hint') : undefined}
            error={errors.handlerId}
            defaultValue={value(values, 'handlerId')}
            choices={page.handlers.map((handler) => ({
              value: handler.id,
              label: `${handler.name} (${t(`roles.${handler.role}`)})`,
            }))}
          />
          <Button>{t('case.assign.submit')}</Button>
        </>
      )
    case 'extend':
      return (
        <>
          <p className="body">{t('case.extend.currentDue', { date: page.currentDue })}</p>
          <TextInput
            name="workingDays"
            inputMode="numeric"
            label={t('case.extend.workingDays')}
            hint={t('case.extend.workingDaysHint', { stage: page.stage, cap: page.stage === 1 ? 10 : 20 })}
            error={errors.workingDays}
            defaultValue={value(values, 'workingDays')}
            width="5"
          />
          <TextArea
            name="reason"
            label={t('case.extend.reason')}
            hint={t('case.extend.reasonHint')}
            error={errors.reason}
            defaultValue={value(values, 'reason')}
            rows={4}
          />
          <Checkboxes
            name="residentAgreed"
            legend={t('case.extend.agreementLegend')}
            hint={t('case.extend.agreementHint')}
            error={errors.residentAgreed}
            defaultValue={[value(values, 'residentAgreed')]}
            choices={[{ value: 'yes', label: t('case.extend.agreed') }]}
          />
          <Button>{t('case.extend.continue')}</Button>
        </>
      )
    case 'decide':
      return (
        <>
          <div id="decisions" />
          {page.elements.map((element) => (
            <fieldset key={element.id} className="fieldset element-decision">
              <legend className="fieldset__legend fieldset__legend--m">
                {t('case.decide.element', { number: element.id })}: {element.summary}
              </legend>
              {page.stage === 2 && element.stage1 ? (
                <p className="hint">
                  {t('case.decide.stage1Was', { decision: t(`decisions.${element.stage1.decision}`) })}
                </p>
              ) : null}
              <Radios
                name={`decision-${element.id}`}
                legend={t('case.decide.decision')}
                error={errors[`decision-${element.id}`]}
                defaultValue={value(values, `decision-${element.id}`)}
                choices={decisions.map((decision) => ({ value: decision, label: t(`decisions.${decision}`) }))}
              />
              <TextArea
                name={`reasons-${element.id}`}
                label={t('case.decide.reasons')}
                hint={t('case.decide.reasonsHint')}
                error={errors[`reasons-${element.id}`]}
                defaultValue={value(values, `reasons-${element.id}`)}
                rows={4}
              />
            </fieldset>
          ))}
          <Button>{t('case.decide.submit')}</Button>
        </>
      )
    case 'remedy':
      return (
        <>
          <Radios
            name="remedyType"
            legend={t('case.remedy.type')}
            error={errors.remedyType}
            defaultValue={value(values, 'remedyType')}
            choices={remedyTypes.map((type) => ({ value: type, label: t(`remedyTypes.${type}`) }))}
          />
          <TextArea
            name="description"
            label={t('case.remedy.description')}
            error={errors.description}
            defaultValue={value(values, 'description')}
            rows={3}
          />
          <TextInput
            name="amount"
            inputMode="decimal"
            label={t('case.remedy.amount')}
            hint={t('case.remedy.amountHint')}
            error={errors.amount}
            defaultValue={value(values, 'amount')}
            width="10"
          />
          <Radios
            name="status"
            legend={t('case.remedy.status')}
            error={errors.status}
            defaultValue={value(values, 'status', 'offered')}
            choices={remedyStatuses.map((status) => ({ value: status, label: t(`remedyStatuses.${status}`) }))}
          />
          <Button>{t('case.remedy.submit')}</Button>
        </>
      )
    case 'no-remedy':
      return (
        <>
          <TextArea
            name="reason"
            label={t('case.noRemedy.reason')}
            hint={t('case.noRemedy.hint')}
            error={errors.reason}
            defaultValue={value(values, 'reason')}
            rows={4}
          />
          <Button>{t('case.noRemedy.submit')}</Button>
        </>
      )
    case 'promise':
      return (
        <>
          <TextArea
            name="description"
            label={t('case.promise.description')}
            error={errors.description}
            defaultValue={value(values, 'description')}
            rows={3}
          />
          <TextInput
            name="owner"
            label={t('case.promise.owner')}
            hint={t('case.promise.ownerHint')}
            error={errors.owner}
            defaultValue={value(values, 'owner')}
          />
          <TextInput
            name="dueOn"
            type="date"
            label={t('case.promise.dueOn')}
            error={errors.dueOn}
            defaultValue={value(values, 'dueOn')}
            width="10"
          />
          <Button>{t('case.promise.submit')}</Button>
        </>
      )
    case 'no-actions':
      return (
        <>
          <p className="body">{t('case.noActions.body')}</p>
          <Button id="confirm">{t('case.noActions.submit')}</Button>
        </>
      )
    case 'respond':
      return (
        <>
          <Checklist checklist={page.checklist} />
          {page.letterHtml ? (
            <>
              <h2 className="heading-m">{t('case.respond.preview')}</h2>
              <div className="letter-preview" dangerouslySetInnerHTML={{ __html: page.letterHtml }} />
            </>
          ) : null}
          <Button>{t('case.respond.submit')}</Button>
        </>
      )
    case 'escalate':
      return (
        <>
          <p className="body">{t('case.escalate.intro')}</p>
          {dateField('on', t('case.escalate.on'), t('case.escalate.onHint'))}
          <Select
            name="channel"
            label={t('case.escalate.channel')}
            error={errors.channel}
            defaultValue={value(values, 'channel', 'phone')}
            options={channels.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
          />
          <TextArea
            name="residentComment"
            label={t('case.escalate.comment')}
            error={errors.residentComment}
            defaultValue={value(values, 'residentComment')}
            rows={4}
          />
          <Button>{t('case.escalate.submit')}</Button>
        </>
      )
    case 'decline':
      return (
        <>
          <p className="body">{t('case.decline.intro')}</p>
          <Radios
            name="ground"
            legend={t('case.decline.ground')}
            error={errors.ground}
            defaultValue={value(values, 'ground')}
            choices={declineGrounds.map((ground) => ({
              value: ground,
              label: t(`declineGrounds.${ground}`),
              hint: t(`case.decline.hints.${ground}`),
            }))}
          />
          <TextArea
            name="explanation"
            label={t('case.decline.explanation')}
            hint={t('case.decline.explanationHint')}
            error={errors.explanation}
            defaultValue={value(values, 'explanation')}
            rows={5}
          />
          <h2 className="heading-m">{t('case.decline.evidence')}</h2>
          <TextInput
            name="issueDate"
            type="date"
            label={t('case.decline.issueDate')}
            error={errors.issueDate}
            defaultValue={value(values, 'issueDate')}
            width="10"
          />
          <TextInput
            name="awareDate"
            type="date"
            label={t('case.decline.awareDate')}
            error={errors.awareDate}
            defaultValue={value(values, 'awareDate')}
            width="10"
          />
          <TextArea
            name="discretionConsidered"
            label={t('case.decline.discretion')}
            error={errors.discretionConsidered}
            defaultValue={value(values, 'discretionConsidered')}
            rows={3}
          />
          <TextInput
            name="courtFilingDate"
            type="date"
            label={t('case.decline.courtFilingDate')}
            error={errors.courtFilingDate}
            defaultValue={value(values, 'courtFilingDate')}
            width="10"
          />
          <TextInput
            name="linkedReference"
            label={t('case.decline.linkedReference')}
            error={errors.linkedReference}
            defaultValue={value(values, 'linkedReference')}
            width="20"
          />
          <Button variant="warning">{t('case.decline.submit')}</Button>
        </>
      )
    case 'withdraw':
      return (
        <>
          {dateField('on', t('case.withdraw.on'))}
          <Select
            name="channel"
            label={t('case.withdraw.channel')}
            error={errors.channel}
            defaultValue={value(values, 'channel', 'phone')}
            options={channels.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
          />
          <TextArea
            name="residentWords"
            label={t('case.withdraw.words')}
            hint={t('case.withdraw.wordsHint')}
            error={errors.residentWords}
            defaultValue={value(values, 'residentWords')}
            rows={4}
          />
          <Button variant="warning">{t('case.withdraw.submit')}</Button>
        </>
      )
    case 'close':
      return (
        <>
          <p className="body">{t('case.close.body')}</p>
          <Button id="confirm">{t('case.close.submit')}</Button>
        </>
      )
    case 'reopen':
      return (
        <>
          <TextArea
            name="reason"
            label={t('case.reopen.reason')}
            error={errors.reason}
            defaultValue={value(values, 'reason')}
            rows={4}
          />
          <Button>{t('case.reopen.submit')}</Button>
        </>
      )
    case 'note':
      return (
        <>
          <p className="body">{t('case.note.intro')}</p>
          <TextArea
            name="body"
            label={t('case.note.body')}
            error={errors.body}
            defaultValue={value(values, 'body')}
            rows={6}
          />
          <Button>{t('case.note.submit')}</Button>
        </>
      )
    case 'update':
      return (
        <>
          {dateField('on', t('case.update.on'))}
          <Radios
            name="method"
            legend={t('case.update.method')}
            error={errors.method}
            defaultValue={value(values, 'method')}
            choices={updateMethods.map((method) => ({ value: method, label: t(`updateMethods.${method}`) }))}
          />
          <TextArea
            name="summary"
            label={t('case.update.summary')}
            error={errors.summary}
            defaultValue={value(values, 'summary')}
            rows={4}
          />
          <Button>{t('case.update.submit')}</Button>
        </>
      )
  }
}
