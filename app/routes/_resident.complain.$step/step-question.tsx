import { useTranslation } from 'react-i18next'
import { Checkboxes, Radios, Select, TextArea, TextInput } from '~/components/form'
import { adjustmentKinds, contactMethods, serviceAreas } from '~/domain/complaints/status'
import type { FieldErrors } from '~/domain/forms'
import {
  equalityQuestions,
  relationships,
  type ComplaintStep,
  type EqualityQuestion,
} from '~/domain/journeys/complaint'
import { residentLanguages } from '~/domain/languages'
import endonyms from '../../../locales/languages.json'

type Values = Record<string, string | string[]>

function text(values: Values, name: string): string | undefined {
  const value = values[name]
  return Array.isArray(value) ? value[0] : value
}

function list(values: Values, name: string): string[] {
  const value = values[name]
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

/** One question per page; the question is the page's <h1>. */
export function StepQuestion({ step, values, errors }: { step: ComplaintStep; values: Values; errors: FieldErrors }) {
  const { t } = useTranslation('resident')
  switch (step) {
    case 'complaint-or-request':
      return (
        <>
          <Radios
            asHeading
            name="choice"
            legend={t('steps.complaint-or-request.title')}
            hint={t('steps.complaint-or-request.hint')}
            error={errors.choice}
            defaultValue={text(values, 'choice')}
            choices={[
              {
                value: 'complaint',
                label: t('steps.complaint-or-request.complaint'),
                hint: t('steps.complaint-or-request.complaintHint'),
              },
              {
                value: 'request',
                label: t('steps.complaint-or-request.request'),
                hint: t('steps.complaint-or-request.requestHint'),
              },
            ]}
          />
        </>
      )
    case 'who':
      return (
        <>
          <Radios
            asHeading
            name="forSomeoneElse"
            legend={t('steps.who.title')}
            error={errors.forSomeoneElse}
            defaultValue={text(values, 'forSomeoneElse')}
            choices={[
              { value: 'no', label: t('steps.who.me') },
              { value: 'yes', label: t('steps.who.someoneElse') },
            ]}
          />
          <p className="body">{t('steps.who.ifSomeoneElse')}</p>
          <TextInput
            name="representedName"
            label={t('steps.who.name')}
            error={errors.representedName}
            defaultValue={text(values, 'representedName')}
          />
          <Select
            name="relationship"
            label={t('steps.who.relationship')}
            error={errors.relationship}
            defaultValue={text(values, 'relationship') ?? ''}
            options={[
              { value: '', label: t('steps.who.choose') },
              ...relationships.map((r) => ({ value: r, label: t(`steps.who.relationships.${r}`) })),
            ]}
          />
          <Radios
            name="consent"
            legend={t('steps.who.consent')}
            error={errors.consent}
            defaultValue={text(values, 'consent')}
            choices={[
              { value: 'agreed', label: t('steps.who.agreed') },
              { value: 'will_send', label: t('steps.who.willSend') },
            ]}
          />
        </>
      )
    case 'evidence':
      return null
    case 'about-you':
      return (
        <>
          <h1 className="heading-l">{t('steps.about-you.title')}</h1>
          <p className="body">{t('steps.about-you.intro')}</p>
          {(Object.keys(equalityQuestions) as EqualityQuestion[]).map((question) => (
            <Radios
              key={question}
              name={question}
              legend={t(`steps.about-you.questions.${question}`)}
              defaultValue={text(values, question)}
              choices={[
                ...equalityQuestions[question].map((answer) => ({
                  value: answer,
                  label: t(`steps.about-you.answers.${answer}`),
                })),
                {
                  value: 'prefer_not_to_say',
                  label: t('steps.about-you.preferNotToSay'),
                  dividerBefore: t('steps.adjustments.or'),
                },
              ]}
            />
          ))}
        </>
      )
    case 'what-happened':
      return (
        <TextArea
          asHeading
          name="whatHappened"
          label={t('steps.what-happened.title')}
          hint={t('steps.what-happened.hint')}
          error={errors.whatHappened}
          defaultValue={text(values, 'whatHappened')}
          rows={10}
        />
      )
    case 'put-right':
      return (
        <TextArea
          asHeading
          name="putRight"
          label={t('steps.put-right.title')}
          hint={t('steps.put-right.hint')}
          error={errors.putRight}
          defaultValue={text(values, 'putRight')}
          rows={6}
        />
      )
    case 'service':
      return (
        <Radios
          asHeading
          name="service"
          legend={t('steps.service.title')}
          hint={t('steps.service.hint')}
          error={errors.service}
          defaultValue={text(values, 'service')}
          choices={serviceAreas.map((area) => ({ value: area, label: t(`serviceAreas.${area}`) }))}
        />
      )
    case 'contact':
      return (
        <>
          <h1 className="heading-l">{t('steps.contact.title')}</h1>
          <p className="body">{t('steps.contact.intro')}</p>
          <TextInput
            name="name"
            label={t('steps.contact.name')}
            error={errors.name}
            defaultValue={text(values, 'name')}
            autoComplete="name"
            spellCheck={false}
          />
          <TextInput
            name="email"
            type="email"
            label={t('steps.contact.email')}
            hint={t('steps.contact.emailHint')}
            error={errors.email}
            defaultValue={text(values, 'email')}
            autoComplete="email"
            spellCheck={false}
          />
          <TextInput
            name="phone"
            type="tel"
            label={t('steps.contact.phone')}
            hint={t('steps.contact.phoneHint')}
            error={errors.phone}
            defaultValue={text(values, 'phone')}
            autoComplete="tel"
            width="20"
          />
          <TextArea
            name="address"
            label={t('steps.contact.address')}
            hint={t('steps.contact.addressHint')}
            error={errors.address}
            defaultValue={text(values, 'address')}
            autoComplete="street-address"
            rows={3}
          />
          <TextInput
            name="postcode"
            label={t('steps.contact.postcode')}
            error={errors.postcode}
            defaultValue={text(values, 'postcode')}
            autoComplete="postal-code"
            width="10"
          />
        </>
      )
    case 'language':
      return (
        <>
          <h1 className="heading-l">{t('steps.language.title')}</h1>
          <Select
            name="language"
            label={t('steps.language.label')}
            hint={t('steps.language.hint')}
            error={errors.language}
            defaultValue={text(values, 'language') ?? 'en'}
            options={[
              ...residentLanguages.map((code) => ({
                value: code,
                label: `${endonyms[code]} (${t(`languages.${code}`)})`,
                lang: code,
              })),
              { value: 'other', label: t('steps.language.other') },
            ]}
          />
          <TextInput
            name="otherLanguage"
            label={t('steps.language.otherLabel')}
            error={errors.otherLanguage}
            defaultValue={text(values, 'otherLanguage')}
            width="20"
          />
        </>
      )
    case 'contact-method':
      return (
        <Radios
          asHeading
          name="contactMethod"
          legend={t('steps.contact-method.title')}
          hint={t('steps.contact-method.hint')}
          error={errors.contactMethod}
          defaultValue={text(values, 'contactMethod')}
          choices={contactMethods.map((method) => ({ value: method, label: t(`contactMethods.${method}`) }))}
        />
      )
    case 'adjustments':
      return (
        <>
          <Checkboxes
            asHeading
            name="adjustments"
            legend={t('steps.adjustments.title')}
            hint={t('steps.adjustments.hint')}
            error={errors.adjustments}
            defaultValue={list(values, 'adjustments')}
            choices={[
              ...adjustmentKinds.map((kind) => ({
                value: kind,
                label: t(`adjustments.${kind}.label`),
                hint: t(`adjustments.${kind}.hint`),
              })),
              { value: 'none', label: t('steps.adjustments.none'), dividerBefore: t('steps.adjustments.or') },
            ]}
          />
          <TextInput
            name="interpreterLanguage"
            label={t('steps.adjustments.interpreterLanguage')}
            error={errors.interpreterLanguage}
            defaultValue={text(values, 'interpreterLanguage')}
            width="20"
          />
          <TextInput
            name="namedContact"
            label={t('steps.adjustments.namedContact')}
            error={errors.namedContact}
            defaultValue={text(values, 'namedContact')}
          />
          <TextArea
            name="adjustmentsOther"
            label={t('steps.adjustments.other')}
            error={errors.adjustmentsOther}
            defaultValue={text(values, 'adjustmentsOther')}
            rows={3}
          />
        </>
      )
  }
}
