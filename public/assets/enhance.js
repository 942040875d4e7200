// Progressive enhancement for resident pages. They are plain server-rendered HTML forms and ship no
// framework (see README, Decisions): this small script adds what GOV.UK's own JavaScript adds.
;(function () {
  'use strict'
  const html = document.documentElement
  html.setAttribute('data-enhanced', 'true')

  // The error summary takes focus, so a screen reader announces the problem first.
  const summary = document.querySelector('.error-summary')
  if (summary instanceof HTMLElement) summary.focus()

  // An error link moves focus to its field and shows the field's question with it.
  document.addEventListener('click', function (event) {
    const link = event.target instanceof Element ? event.target.closest('.error-summary a[href^="#"]') : null
    if (!link) return
    const field = document.getElementById((link.getAttribute('href') ?? '').slice(1))
    if (!field) return
    event.preventDefault()
    const fieldset = field.closest('fieldset')
    const legend = fieldset ? fieldset.querySelector('legend') : null
    const label = document.querySelector('label[for="' + field.id + '"]')
    ;(legend || label || field).scrollIntoView()
    field.focus({ preventScroll: true })
  })

  // A second click on a submit button while the first is on its way does nothing (the server
  // also answers a repeated form with the first result). After 10 s a retry is allowed.
  document.addEventListener('submit', function (event) {
    const form = event.target
    if (!(form instanceof HTMLFormElement)) return
    if (form.getAttribute('data-submitting') === 'true') {
      event.preventDefault()
      return
    }
    form.setAttribute('data-submitting', 'true')
    const buttons = form.querySelectorAll('button[type="submit"]')
    buttons.forEach(function (button) {
      button.setAttribute('aria-disabled', 'true')
    })
    setTimeout(function () {
      form.removeAttribute('data-submitting')
      buttons.forEach(function (button) {
        button.removeAttribute('aria-disabled')
      })
    }, 10000)
  })

  // A signed-in resident is warned 2 minutes before their session ends (WCAG 2.2.1), and can stay.
  const timeout = document.querySelector('[data-session-expires]')
  if (timeout instanceof HTMLElement) {
    const warnAt = Date.parse(timeout.dataset.sessionExpires ?? '') - 2 * 60 * 1000
    if (Number.isFinite(warnAt)) {
      setTimeout(
        () => {
          timeout.hidden = false
        },
        Math.max(0, warnAt - Date.now()),
      )
    }
  }

  // Coming back with the Back button restores the page from cache: let its forms be sent again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-submitting]').forEach(function (form) {
      form.removeAttribute('data-submitting')
      form.querySelectorAll('button[aria-disabled]').forEach(function (button) {
        button.removeAttribute('aria-disabled')
      })
    })
  })
})()
