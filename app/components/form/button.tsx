import type { ButtonHTMLAttributes, ReactNode } from 'react'
import { useNavigation } from '@remix-run/react'

/** Submit button; while a JS-driven submission is under way it is marked busy and ignores clicks. */
export function Button({
  children,
  variant = 'primary',
  ...button
}: ButtonHTMLAttributes<HTMLButtonElement> & { children: ReactNode; variant?: 'primary' | 'secondary' | 'warning' }) {
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  return (
    <button
      type="submit"
      className={variant === 'primary' ? 'button' : `button button--${variant}`}
      aria-disabled={busy ? true : undefined}
      onClick={(event) => {
        if (busy) event.preventDefault()
      }}
      {...button}
    >
      {children}
    </button>
  )
}
