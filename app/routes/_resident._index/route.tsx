import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import {
  ACKNOWLEDGEMENT_WORKING_DAYS,
  STAGE1_RESPONSE_WORKING_DAYS,
  STAGE2_RESPONSE_WORKING_DAYS,
} from '~/domain/complaints/deadlines'
import { getFixedT } from '~/i18n/i18n.server'
import { pageTitle } from '~/i18n/page-title'

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request, 'resident')
  return {
    title: t('start.title'),
    days: {
      acknowledge: ACKNOWLEDGEMENT_WORKING_DAYS,
      stage1: STAGE1_RESPONSE_WORKING_DAYS,
      stage2: STAGE2_RESPONSE_WORKING_DAYS,
    },
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(data?.title, matches) }]

export default function StartPage() {
  const { title, days } = useLoaderData<typeof loader>()
  const { t } = useTranslation('resident')
  return (
    <div className="grid-row">
      <div className="column-two-thirds">
        <h1 className="heading-xl">{title}</h1>
        <p className="body-l">{t('start.lead')}</p>
        <h2 className="heading-m">{t('start.whatIsComplaint.heading')}</h2>
        <p className="body">{t('start.whatIsComplaint.body')}</p>
        <p className="body">{t('start.whatIsComplaint.serviceRequest')}</p>
        <h2 className="heading-m">{t('start.howLong.heading')}</h2>
        <ul className="list list--bullet">
          <li>{t('start.howLong.acknowledge', { count: days.acknowledge })}</li>
          <li>{t('start.howLong.stage1', { count: days.stage1 })}</li>
          <li>{t('start.howLong.stage2', { count: days.stage2 })}</li>
        </ul>
        <p className="body">{t('start.howLong.workingDays')}</p>
        <h2 className="heading-m">{t('start.adjustments.heading')}</h2>
        <p className="body">{t('start.adjustments.body')}</p>
        <Link to="/complain" className="button button--start" role="button" draggable="false">
          {t('start.startButton')}
          <svg
            className="button__start-icon"
            xmlns="http://www.w3.org/2000/svg"
            width="17.5"
            height="19"
            viewBox="0 0 33 40"
            aria-hidden="true"
            focusable="false"
          >
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </Link>
        <ul className="list">
          <li>
            <Link className="link" to="/track">
              {t('start.track')}
            </Link>
          </li>
          <li>
            <Link className="link" to="/compliment">
              {t('start.compliment')}
            </Link>
          </li>
        </ul>
        <h2 className="heading-m">{t('start.ombudsman.heading')}</h2>
        <p className="body">{t('start.ombudsman.body')}</p>
        <p className="body">{t('start.ombudsman.contact')}</p>
      </div>
    </div>
  )
}
