import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, SummaryList, type AnswerRow } from '~/components/form'
import { validateAllAnswers } from '~/domain/journeys/complaint-forms'
import { firstIncompleteStep, requestedAdjustments, type ComplaintAnswers } from '~/domain/journeys/complaint'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { submitComplaint } from '~/server/complaints.server'
import { database } from '~/server/db.server'
import { draftFiles } from '~/server/draft-files.server'
import { findDraft, findOpenDraft } from '~/server/drafts.server'
import { readForm, single } from '~/server/forms.server'
import endonyms from '../../../locales/languages.json'

export async function loader({ request }: LoaderFunctionArgs) {
  const draft = await findOpenDraft(database(), request)
  const answers = draft?.answers ?? {}
  const incomplete = firstIncompleteStep(answers)
  if (!draft || incomplete) throw redirect(`/complain/${incomplete ?? 'what-happened'}`)
  const t = await getFixedT(request, 'resident')
  const files = (await draftFiles(database(), draft.id)).map((f) => f.fileName)
  return {
    title: t('check.title'),
    answers,
    files,
    submissionKey: draft.submissionKey,
    backHref: '/complain/about-you',
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request)
  const db = database()
  const draft = await findDraft(db, request)
  // Already submitted (a double click, a replayed form): show the first result, write nothing.
  if (!draft || draft.complaintId) throw redirect('/complain/confirmation')
  if (single(form, 'submissionKey') !== draft.submissionKey) throw redirect('/complain/check')
  if (Object.keys(validateAllAnswers(draft.answers)).length > 0) {
    throw redirect(`/complain/${firstIncompleteStep(draft.answers) ?? 'what-happened'}`)
  }
  await submitComplaint(db, {
    submissionKey: draft.submissionKey,
    answers: draft.answers,
    channel: 'web',
    receivedAt: new Date(),
    actor: { type: 'resident', id: null },
    requestId: context.requestId,
    draftId: draft.id,
  })
  return redirect('/complain/confirmation')
}

function useAnswerRows(answers: ComplaintAnswers, files: string[]): AnswerRow[] {
  const { t } = useTranslation('resident')
  const change = (step: string, hiddenText: string) => ({
    href: `/complain/${step}?change=1`,
    label: t('check.change'),
    hiddenText,
  })
  const notGiven = t('check.notGiven')
  const language =
    answers.language === 'other'
      ? (answers.otherLanguage ?? notGiven)
      : answers.language
        ? endonyms[answers.language as keyof typeof endonyms]
        : notGiven
  const adjustments = requestedAdjustments(answers)
  return [
    {
      key: 'who',
      question: t('check.rows.who'),
      answer: answers.forSomeoneElse
        ? t('check.forSomeoneElse', {
            name: answers.representedName ?? '',
            relationship: t(`steps.who.relationships.${answers.relationship ?? 'other'}`),
          })
        : t('check.forMe'),
      change: change('who', t('check.rows.who')),
    },
    {
      key: 'whatHappened',
      question: t('check.rows.whatHappened'),
      answer: <span className="preserve-lines">{answers.whatHappened}</span>,
      change: change('what-happened', t('check.rows.whatHappened')),
    },
    {
      key: 'putRight',
      question: t('check.rows.putRight'),
      answer: <span className="preserve-lines">{answers.putRight}</span>,
      change: change('put-right', t('check.rows.putRight')),
    },
    {
      key: 'service',
      question: t('check.rows.service'),
      answer: answers.service ? t(`serviceAreas.${answers.service}`) : notGiven,
      change: change('service', t('check.rows.service')),
    },
    {
      key: 'name',
      question: t('check.rows.name'),
      answer: answers.name,
      change: change('contact', t('check.rows.name')),
    },
    {
      key: 'email',
      question: t('check.rows.email'),
      answer: answers.email ?? notGiven,
      change: change('contact', t('check.rows.email')),
    },
    {
      key: 'phone',
      question: t('check.rows.phone'),
      answer: answers.phone ? <bdi>{answers.phone}</bdi> : notGiven,
      change: change('contact', t('check.rows.phone')),
    },
    {
      key: 'address',
      question: t('check.rows.address'),
      answer: <span className="preserve-lines">{[answers.address, answers.postcode].filter(Boolean).join('\n')}</span>,
      change: change('contact', t('check.rows.address')),
    },
    {
      key: 'language',
      question: t('check.rows.language'),
      answer: language,
      change: change('language', t('check.rows.language')),
    },
    {
      key: 'contactMethod',
      question: t('check.rows.contactMethod'),
      answer: answers.contactMethod ? t(`contactMethods.${answers.contactMethod}`) : notGiven,
      change: change('contact-method', t('check.rows.contactMethod')),
    },
    {
      key: 'adjustments',
      question: t('check.rows.adjustments'),
      answer:
        adjustments.length === 0 ? (
          t('check.noAdjustments')
        ) : (
          <ul className="list">
            {adjustments.map((adjustment) => (
              <li key={adjustment.kind}>
                {t(`adjustments.${adjustment.kind}.label`)}
                {adjustment.detail ? `: ${adjustment.detail}` : ''}
              </li>
            ))}
          </ul>
        ),
      change: change('adjustments', t('check.rows.adjustments')),
    },
    {
      key: 'files',
      question: t('check.rows.files'),
      answer:
        files.length === 0 ? (
          t('check.noFiles')
        ) : (
          <ul className="list">
            {files.map((file, index) => (
              <li key={index}>{file}</li>
            ))}
          </ul>
        ),
      change: change('evidence', t('check.rows.files')),
    },
    {
      key: 'aboutYou',
      question: t('check.rows.aboutYou'),
      answer: t(
        Object.values(answers.equality ?? {}).some((a) => a && a !== 'not_answered')
          ? 'check.aboutYouGiven'
          : 'check.aboutYouNotGiven',
      ),
      change: change('about-you', t('check.rows.aboutYou')),
    },
  ]
}

export default function CheckAnswersPage() {
  const { title, answers, files, submissionKey } = useLoaderData<typeof loader>()
  const { t } = useTranslation('resident')
  const rows = useAnswerRows(answers, files)
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <h1 className="heading-l">{title}</h1>
        <SummaryList rows={rows} />
        <h2 className="heading-m">{t('check.declarationHeading')}</h2>
        <p className="body">{t('check.declaration')}</p>
        <Form method="post" noValidate>
          <input type="hidden" name="submissionKey" value={submissionKey} />
          <Button>{t('check.submit')}</Button>
        </Form>
      </div>
    </div>
  )
}
