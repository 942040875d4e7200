// @vitest-environment happy-dom
// The form kit's markup is the accessibility contract: labels, hints and errors wired by id.
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { Checkboxes, ErrorSummary, Radios, Select, TextArea, TextInput } from '~/components/form'
import { getI18n } from '~/i18n/i18n.server'
import type { ReactElement } from 'react'

function render(element: ReactElement, language: 'en' | 'cy' | 'ar' = 'en'): HTMLElement {
  const html = renderToStaticMarkup(<I18nextProvider i18n={getI18n(language)}>{element}</I18nextProvider>)
  const template = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
  return template.body
}

describe('TextInput', () => {
  it('links the label, then hint then error, and marks the field invalid', () => {
    const body = render(
      <TextInput name="email" label="Email" hint="We write to you here" error={{ key: 'errors:email.invalid' }} />,
    )
    const input = body.querySelector('input#email')
    expect(body.querySelector('label')?.getAttribute('for')).toBe('email')
    expect(input?.getAttribute('aria-describedby')).toBe('email-hint email-error')
    expect(input?.getAttribute('aria-invalid')).toBe('true')
    expect(body.querySelector('#email-error')?.textContent).toBe(
      'Error: Enter an email address in the correct format, like name@example.com',
    )
  })

  it('puts the label in the h1 when it is the page’s only question', () => {
    const body = render(<TextArea asHeading name="whatHappened" label="What happened?" />)
    expect(body.querySelector('h1 > label[for="whatHappened"]')?.textContent).toBe('What happened?')
    expect(body.querySelector('textarea')?.hasAttribute('aria-describedby')).toBe(false)
  })

  it('formats numbers in an error for the reader’s language', () => {
    const body = render(
      <TextInput
        name="whatHappened"
        label="x"
        error={{ key: 'errors:whatHappened.tooLong', values: { max: 10000 } }}
      />,
    )
    expect(body.querySelector('.error-message')?.textContent).toContain('10,000')
  })
})

describe('Radios and Checkboxes', () => {
  it('group choices in a fieldset whose legend is the question, the first input carrying the field id', () => {
    const body = render(
      <Radios
        asHeading
        name="service"
        legend="Which service?"
        error={{ key: 'errors:service.required' }}
        choices={[
          { value: 'repairs', label: 'Repairs' },
          { value: 'other', label: 'Other' },
        ]}
        defaultValue="other"
      />,
    )
    expect(body.querySelector('fieldset > legend h1')?.textContent).toBe('Which service?')
    expect(body.querySelector('fieldset')?.getAttribute('aria-describedby')).toBe('service-error')
    expect([...body.querySelectorAll('input')].map((i) => i.id)).toEqual(['service', 'service-2'])
    expect(body.querySelector('input#service-2')?.hasAttribute('checked')).toBe(true)
    expect(body.querySelector('label[for="service-2"]')?.textContent).toBe('Other')
  })

  it('show an "or" divider before an exclusive choice and tick every saved value', () => {
    const body = render(
      <Checkboxes
        name="adjustments"
        legend="Help"
        defaultValue={['braille', 'audio']}
        choices={[
          { value: 'braille', label: 'Braille' },
          { value: 'audio', label: 'Audio', hint: 'A recording' },
          { value: 'none', label: 'None', dividerBefore: 'or' },
        ]}
      />,
    )
    expect([...body.querySelectorAll('input[checked]')].map((i) => i.getAttribute('value'))).toEqual([
      'braille',
      'audio',
    ])
    expect(body.querySelector('.checkboxes__divider')?.textContent).toBe('or')
    expect(body.querySelector('#adjustments-2')?.getAttribute('aria-describedby')).toBe('adjustments-2-hint')
  })
})

describe('Select', () => {
  it('marks each option with its language', () => {
    const body = render(
      <Select
        name="language"
        label="Language"
        options={[{ value: 'cy', label: 'Cymraeg', lang: 'cy' }]}
        defaultValue="cy"
      />,
    )
    expect(body.querySelector('option')?.getAttribute('lang')).toBe('cy')
  })
})

describe('ErrorSummary', () => {
  it('says there is a problem and links each error to its field, in the page’s language', () => {
    const body = render(
      <ErrorSummary
        errors={{ name: { key: 'errors:name.required' }, adjustments: { key: 'errors:adjustments.required' } }}
      />,
      'cy',
    )
    expect(body.querySelector('.error-summary [role="alert"] h2')?.textContent).not.toBe('There is a problem')
    expect([...body.querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href'))).toEqual([
      '#name',
      '#adjustments',
    ])
    expect(body.querySelector('.error-summary')?.getAttribute('tabindex')).toBe('-1')
  })

  it('renders nothing when there are no errors', () => {
    expect(render(<ErrorSummary errors={{}} />).innerHTML).toBe('')
    expect(render(<ErrorSummary />).innerHTML).toBe('')
  })
})
