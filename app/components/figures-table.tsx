// A table of KPI figures with, when asked, their targets and red/amber/green words: the dashboard and the board pack.
import { useTranslation } from 'react-i18next'

export type Row = { key: string; label: string; value: string; target: string | null; rag: string | null }

export function FiguresTable({
  id,
  caption,
  rows,
  withTargets,
}: {
  id: string
  caption: string
  rows: Row[]
  withTargets: boolean
}) {
  const { t } = useTranslation('staff')
  return (
    <div className="table-wrapper" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="table">
        <caption id={id} className="table__caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.columns.measure')}</th>
            <th scope="col">{t('dashboard.columns.value')}</th>
            {withTargets ? (
              <>
                <th scope="col">{t('dashboard.columns.target')}</th>
                <th scope="col">{t('dashboard.columns.status')}</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.key}-${row.label}`}>
              <th scope="row">{row.label}</th>
              <td>{row.value}</td>
              {withTargets ? (
                <>
                  <td>{row.target ?? t('dashboard.noTarget')}</td>
                  <td>
                    {row.rag ? (
                      <strong className={`tag tag--${row.rag}`}>{t(`dashboard.rag.${row.rag}`)}</strong>
                    ) : null}
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
