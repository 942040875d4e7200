// Languages a resident can ask us to write to them in: English and Welsh, the languages most spoken
// in England and Wales after English (Census 2021), and Somali. Easy Read is a format, not a language.
export const residentLanguages = ['en', 'cy', 'pl', 'ro', 'pa', 'ur', 'pt', 'es', 'ar', 'bn', 'gu', 'so'] as const
export type ResidentLanguage = (typeof residentLanguages)[number]

export function isResidentLanguage(value: string): value is ResidentLanguage {
  return (residentLanguages as readonly string[]).includes(value)
}
