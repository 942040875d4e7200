// A KPI figure as staff and the panel read it: "95.0%", "11.7 working days", "£4,250.00", "No data".
import type { TFunction } from 'i18next'
import { kpiUnit, type KpiKey } from '~/domain/kpis'
import { formatMoney, formatNumber } from './format'

export function formatKpi(t: TFunction, key: KpiKey, value: number | null, locale: string): string {
  if (value === null) return t('staff:dashboard.noData')
  const unit = kpiUnit(key)
  if (unit === 'money') return formatMoney(Math.round(value * 100), locale)
  const number = formatNumber(value, locale)
  if (unit === 'percent') return t('staff:dashboard.percent', { value: number })
  if (unit === 'days') return t('staff:dashboard.days', { value: number })
  if (unit === 'per1000') return t('staff:dashboard.per1000', { value: number })
  return number
}
