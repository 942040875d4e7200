import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, ErrorSummary, Select, TextInput } from '~/components/form'
import {
  budgetForm,
  compensationCategories,
  financialYearOf,
  limitedRoles,
  limitsForm,
  ombudsmanBandNames,
  ombudsmanBandsFieldName,
  parseOmbudsmanForm,
  parsePolicyForm,
  penceToPounds,
  policyBands,
  policyFieldName,
} from '~/domain/compensation'
import { validate } from '~/domain/forms'
import { cleanLine } from '~/domain/text'
import { londonDate } from '~/domain/working-days'
import { formatMoney } from '~/i18n/format'
import { getFixedT, getLocale } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'
import { requireStaff } from '~/server/auth.server'
import {
  compensationSettingKeys,
  loadCompensationSettings,
  saveCompensationSetting,
} from '~/server/compensation.server'
import { database } from '~/server/db.server'
import { readForm, rejectForm, single, type FormValues } from '~/server/forms.server'

const pounds = (pence: number | null | undefined) => (pence === null || pence === undefined ? '' : penceToPounds(pence))

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'compensation:manage')
  const [locale, compensation] = await Promise.all([getLocale(request), loadCompensationSettings(database())])
  const t = await getFixedT(locale, 'staff')
  const thisYear = financialYearOf(londonDate(new Date()))
  const values: Record<string, string> = {}
  for (const category of compensationCategories)
    for (const band of policyBands) {
      values[policyFieldName(category, band, 'min')] = pounds(compensation.policy[category][band].minPence)
      values[policyFieldName(category, band, 'max')] = pounds(compensation.policy[category][band].maxPence)
    }
  for (const role of limitedRoles) values[role] = pounds(compensation.limits[role])
  for (const name of ombudsmanBandNames) {
    values[ombudsmanBandsFieldName(name, 'min')] = pounds(compensation.ombudsmanBands.bands[name].minPence)
    values[ombudsmanBandsFieldName(name, 'max')] = pounds(compensation.ombudsmanBands.bands[name].maxPence)
  }
  values.version = compensation.ombudsmanBands.version
  values.year = String(thisYear)
  values.budget = pounds(compensation.budgets[String(thisYear)])
  const url = new URL(request.url)
  return {
    title: t('compensation.policyTitle'),
    backHref: '/staff/compensation',
    saved: url.searchParams.get('saved'),
    values,
    years: [thisYear - 1, thisYear, thisYear + 1].map((y) => ({
      value: String(y),
      label: t('compensation.financialYear', { from: y, to: y + 1 }),
    })),
    budgets: Object.entries(compensation.budgets)
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([year, pence]) => ({
        year: t('compensation.financialYear', { from: Number(year), to: Number(year) + 1 }),
        amount: formatMoney(pence, locale),
      })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

const text = (form: FormValues) =>
  Object.fromEntries(Object.keys(form).map((key) => [key, cleanLine(single(form, key)).slice(0, 300)]))

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'compensation:manage')
  const form = await readForm(request)
  const values = text(form)
  const intent = values.intent
  const db = database()
  const save = (key: (typeof compensationSettingKeys)[keyof typeof compensationSettingKeys], value: unknown) =>
    saveCompensationSetting(db, { key, value, staffId: staff.id, requestId: context.requestId })
  if (intent === 'policy') {
    const parsed = parsePolicyForm(values)
    if (!parsed.ok) return rejectForm(context, { errors: parsed.errors, values: form })
    await save(compensationSettingKeys.policy, parsed.policy)
  } else if (intent === 'limits') {
    const parsed = validate(limitsForm, values)
    if (!parsed.ok) return rejectForm(context, { errors: parsed.errors, values: form })
    await save(compensationSettingKeys.limits, parsed.data)
  } else if (intent === 'budget') {
    const parsed = validate(budgetForm, values)
    if (!parsed.ok) return rejectForm(context, { errors: parsed.errors, values: form })
    const { budgets } = await loadCompensationSettings(db)
    await save(compensationSettingKeys.budget, { ...budgets, [parsed.data.year]: parsed.data.budget })
  } else if (intent === 'ombudsman') {
    const parsed = parseOmbudsmanForm(values)
    if (!parsed.ok) return rejectForm(context, { errors: parsed.errors, values: form })
    await save(compensationSettingKeys.ombudsmanBands, parsed.bands)
  } else throw new Response('Bad request', { status: 400 })
  return redirect(`/staff/compensation/policy?saved=${intent}`)
}

export default function CompensationPolicyPage() {
  const { title, saved, values, years, budgets } = useLoaderData<typeof loader>()
  const rejected = useActionData<typeof action>()
  const { t } = useTranslation('staff')
  const intent = rejected?.values.intent
  // Answers kept only in the form that was sent; the others show what is stored.
  const value = (form: string, name: string) => {
    const v = intent === form ? rejected?.values[name] : undefined
    return typeof v === 'string' ? v : values[name]
  }
  const money = (form: string, name: string, label: string, hint?: string) => (
    <TextInput
      key={name}
      name={name}
      inputMode="decimal"
      label={label}
      hint={hint}
      error={intent === form ? rejected?.errors[name] : undefined}
      defaultValue={value(form, name)}
      width="10"
    />
  )
  return (
    <>
      <ErrorSummary errors={rejected?.errors} />
      {saved ? (
        <div className="notice" role="status">
          <p className="body">{t('compensation.saved')}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t('compensation.policyIntro')}</p>

      <h2 className="heading-m">{t('compensation.bandsHeading')}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="policy" />
        {compensationCategories.map((category) => (
          <fieldset className="fieldset" key={category}>
            <legend className="fieldset__legend fieldset__legend--m">{t(`compensation.categories.${category}`)}</legend>
            {policyBands.map((band) => (
              <div key={band}>
                {money(
                  'policy',
                  policyFieldName(category, band, 'min'),
                  t('compensation.bandMin', { band: t(`compensation.bands.${band}`) }),
                )}
                {money(
                  'policy',
                  policyFieldName(category, band, 'max'),
                  t('compensation.bandMax', { band: t(`compensation.bands.${band}`) }),
                  t('compensation.maxHint'),
                )}
              </div>
            ))}
          </fieldset>
        ))}
        <Button>{t('compensation.saveBands')}</Button>
      </Form>

      <h2 className="heading-m">{t('compensation.limitsHeading')}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="limits" />
        <p className="body">{t('compensation.limitsIntro')}</p>
        {limitedRoles.map((role) => money('limits', role, t(`roles.${role}`), t('compensation.limitHint')))}
        <Button>{t('compensation.saveLimits')}</Button>
      </Form>

      <h2 className="heading-m">{t('compensation.budgetsHeading')}</h2>
      {budgets.length > 0 ? (
        <ul className="list list--bullet">
          {budgets.map((b) => (
            <li key={b.year}>
              {b.year}: {b.amount}
            </li>
          ))}
        </ul>
      ) : (
        <p className="body">{t('compensation.noBudget')}</p>
      )}
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="budget" />
        <Select
          name="year"
          label={t('compensation.filters.year')}
          error={intent === 'budget' ? rejected?.errors.year : undefined}
          defaultValue={value('budget', 'year')}
          options={years}
        />
        {money('budget', 'budget', t('compensation.budgetAmount'))}
        <Button>{t('compensation.saveBudget')}</Button>
      </Form>

      <h2 className="heading-m">{t('compensation.ombudsmanHeading')}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="ombudsman" />
        <TextInput
          name="version"
          label={t('compensation.version')}
          hint={t('compensation.versionHint')}
          error={intent === 'ombudsman' ? rejected?.errors.version : undefined}
          defaultValue={value('ombudsman', 'version')}
        />
        {ombudsmanBandNames.map((name) => (
          <fieldset className="fieldset" key={name}>
            <legend className="fieldset__legend fieldset__legend--m">{t(`compensation.ombudsmanBands.${name}`)}</legend>
            {money('ombudsman', ombudsmanBandsFieldName(name, 'min'), t('compensation.minimum'))}
            {money(
              'ombudsman',
              ombudsmanBandsFieldName(name, 'max'),
              t('compensation.maximum'),
              t('compensation.maxHint'),
            )}
          </fieldset>
        ))}
        <Button>{t('compensation.saveOmbudsman')}</Button>
      </Form>
    </>
  )
}
