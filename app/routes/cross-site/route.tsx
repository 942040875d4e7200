// server.js sends a POST from another site here, as a GET, so the refusal is a translated page
// with status 403 rather than Remix's own CSRF error (a 500).
export function loader(): never {
  throw new Response('Forbidden: cross-site form', { status: 403 })
}

// A page route (not a resource route), so the thrown 403 renders the translated error page.
export default function CrossSite() {
  return null
}
