// What residents type is kept as they wrote it, minus what no one can see: control characters
// (other than line breaks and tabs) are dropped and text is NFC-normalised, so "é" typed two ways
// compares equal and a pasted NUL cannot reach a letter or the database.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF]/g

export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return ''
  return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim()
}

/** One line: line breaks and tabs become single spaces. */
export function cleanLine(value: unknown): string {
  return cleanText(value).replace(/\s+/g, ' ')
}
