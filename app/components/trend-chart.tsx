// A bar chart drawn on the server as SVG: no script, readable by screen readers through its title
// and description, and always shown beside a table with the same figures (the table is the source).
import { useId } from 'react'

export interface TrendPoint {
  label: string
  value: number | null
}

interface TrendChartProps {
  title: string
  description: string
  points: TrendPoint[]
  /** The top of the scale; defaults to the largest value. */
  max?: number
  /** A target drawn as a dashed line. */
  target?: number | null
}

const WIDTH = 640
const HEIGHT = 220
const AXIS = 28

export function TrendChart({ title, description, points, max, target }: TrendChartProps) {
  const id = useId()
  const values = points.map((p) => p.value ?? 0)
  const top = Math.max(max ?? 0, ...values, target ?? 0, 1)
  const slot = (WIDTH - AXIS) / Math.max(points.length, 1)
  const barWidth = Math.max(4, slot * 0.6)
  const y = (value: number) => HEIGHT - AXIS - (value / top) * (HEIGHT - AXIS * 2)
  return (
    <figure className="trend-chart">
      <svg
        className="trend-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={AXIS} y1={HEIGHT - AXIS} x2={WIDTH} y2={HEIGHT - AXIS} className="trend-chart__axis" />
        {points.map((point, index) => {
          const x = AXIS + index * slot + (slot - barWidth) / 2
          const value = point.value ?? 0
          return (
            <g key={point.label}>
              {point.value === null ? null : (
                <rect
                  x={x}
                  y={y(value)}
                  width={barWidth}
                  height={HEIGHT - AXIS - y(value)}
                  className="trend-chart__bar"
                />
              )}
              <text x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle" className="trend-chart__label">
                {point.label}
              </text>
            </g>
          )
        })}
        {target != null ? (
          <line x1={AXIS} y1={y(target)} x2={WIDTH} y2={y(target)} className="trend-chart__target" />
        ) : null}
      </svg>
      <figcaption className="hint">{description}</figcaption>
    </figure>
  )
}
