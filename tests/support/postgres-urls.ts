// TEST_DATABASE_URL names the server and an existing database to connect to for admin work;
// each test file gets its own database cloned from a migrated template on that server.
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

export const templateName = `putright_template_${process.pid}`

export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_URL
}

export function testDatabaseUrl(database: string): string {
  const url = new URL(adminUrl())
  url.pathname = `/${database}`
  return url.toString()
}
