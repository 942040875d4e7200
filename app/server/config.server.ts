// Settings read from the environment once. Every variable is in the README's configuration table.
export const config = {
  /** Secure cookies in production; PUTRIGHT_INSECURE_COOKIES=1 only for plain-http test rigs. */
  secureCookies: process.env.NODE_ENV === 'production' && process.env.PUTRIGHT_INSECURE_COOKIES !== '1',
  staffIdleMinutes: Number(process.env.STAFF_SESSION_IDLE_MINUTES ?? 30),
  staffAbsoluteHours: Number(process.env.STAFF_SESSION_ABSOLUTE_HOURS ?? 12),
}
