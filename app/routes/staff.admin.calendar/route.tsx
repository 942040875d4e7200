import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, TextInput } from '~/components/form'
import { englandAndWalesBankHolidays, isIsoDate, londonDate } from '~/domain/working-days'
import { cleanLine } from '~/domain/text'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import { addClosureDay, listClosureDays, removeClosureDay } from '~/server/closure-days.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single } from '~/server/forms.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'calendar:manage')
  const locale = await getLocale(request)
  const t = await getFixedT(locale, 'staff')
  const year = Number(londonDate(new Date()).slice(0, 4))
  return {
    title: t('calendar.title'),
    closures: (await listClosureDays(database())).map((day) => ({
      date: day.date,
      label: formatDate(day.date, locale),
      description: day.description,
    })),
    bankHolidays: englandAndWalesBankHolidays(year, year + 1).map((date) => formatDate(date, locale)),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'calendar:manage')
  const form = await readForm(request)
  const intent = single(form, 'intent')
  const date = cleanLine(single(form, 'date'))
  if (!isIsoDate(date))
    return rejectForm(context, { errors: { date: { key: 'staff-errors:case.dateRequired' } }, values: form })
  const db = database()
  if (intent === 'remove') {
    const result = await removeClosureDay(db, { date, staffId: staff.id, requestId: context.requestId })
    if (!result.ok) return rejectForm(context, { errors: { date: { key: result.reason } }, values: form }, 409)
    return data({ errors: null, values: {}, redated: result.redated })
  }
  const description = cleanLine(single(form, 'description')).slice(0, 200)
  if (!description)
    return rejectForm(context, {
      errors: { description: { key: 'staff-errors:calendar.descriptionRequired' } },
      values: form,
    })
  const result = await addClosureDay(db, { date, description, staffId: staff.id, requestId: context.requestId })
  if (!result.ok) return rejectForm(context, { errors: { date: { key: result.reason } }, values: form }, 409)
  return data({ errors: null, values: {}, redated: result.redated })
}

export default function CalendarPage() {
  const { title, closures, bankHolidays } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const values = answer?.values ?? {}
  const text = (name: string) => {
    const value = (values as Record<string, string | string[]>)[name]
    return Array.isArray(value) ? value[0] : value
  }
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <ErrorSummary errors={answer?.errors} />
        <h1 className="heading-l">{title}</h1>
        {answer && 'redated' in answer ? (
          <div className="notice" role="status">
            <p className="body">{t('calendar.redated', { count: answer.redated })}</p>
          </div>
        ) : null}
        <p className="body">{t('calendar.intro')}</p>
        <h2 className="heading-m">{t('calendar.closures')}</h2>
        {closures.length === 0 ? (
          <p className="body">{t('calendar.none')}</p>
        ) : (
          <ul className="list">
            {closures.map((day) => (
              <li key={day.date} className="closure-day">
                <span>
                  {day.label} – {day.description}
                </span>{' '}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="date" value={day.date} />
                  <button type="submit" className="link-button">
                    {t('calendar.remove')}
                    <span className="visually-hidden"> {day.label}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <h2 className="heading-m">{t('calendar.add')}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="add" />
          <TextInput
            name="date"
            type="date"
            label={t('calendar.date')}
            error={answer?.errors?.date}
            defaultValue={text('date')}
            width="10"
          />
          <TextInput
            name="description"
            label={t('calendar.description')}
            hint={t('calendar.descriptionHint')}
            error={answer?.errors?.description}
            defaultValue={text('description')}
          />
          <Button>{t('calendar.addSubmit')}</Button>
        </Form>
        <h2 className="heading-m">{t('calendar.bankHolidays')}</h2>
        <ul className="list list--bullet">
          {bankHolidays.map((day) => (
            <li key={day}>{day}</li>
          ))}
        </ul>
      </div>
    </div>
  )
}
