import { useTranslation } from 'react-i18next'
import type { RequestState } from '~/domain/external-cases'

const tagClass: Record<RequestState, string> = {
  open: 'tag tag--grey',
  overdue: 'tag tag--red',
  on_time: 'tag tag--green',
  late: 'tag tag--red',
}

/** Where a request or order stands, in words (the colour only repeats them). */
export function ExternalStateTag({ state }: { state: RequestState }) {
  const { t } = useTranslation('staff')
  return <strong className={tagClass[state]}>{t(`external.states.${state}`)}</strong>
}
