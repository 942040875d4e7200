import { readFileSync } from 'node:fs'
import { signedIn } from './staff-helpers'
import { expect, expectAccessible, test } from './support'

test('an administrator uploads a case file, sees every problem, then imports a good file', async ({ browser }) => {
  const admin = await signedIn(browser, 'admin@putright.example')
  await admin.goto('/staff/admin/import')
  await expectAccessible(admin, 'import')
  await admin.locator('main button[type="submit"]').click()
  await expect(admin.locator('.error-summary a[href="#file"]')).toBeVisible()
  await expectAccessible(admin, 'import (no file)')

  const good = readFileSync('tests/fixtures/cases-small.csv', 'utf8')
  const lines = good.trimEnd().split('\n')
  const bad = [lines[0], lines[1]?.replace(/,(\d{4}-\d{2}-\d{2}),/, ',2026-02-30,')].join('\n')
  await admin.locator('#file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${bad}\n`) })
  await admin.locator('main button[type="submit"]').click()
  await expect(admin.locator('table')).toContainText('2026-02-30')
  await expectAccessible(admin, 'import preview (problems)')

  await admin.goto('/staff/admin/import')
  await admin.locator('#file').setInputFiles({ name: 'cases.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
  await admin.locator('main button[type="submit"]').click()
  await expect(admin.locator('main')).toContainText(`${lines.length - 1} new cases will be added`)
  await expectAccessible(admin, 'import preview (ready)')
  await admin.locator('main button[type="submit"]').click()
  await expect(admin.locator('.notice[role="status"]')).toBeVisible()

  // An imported case keeps the landlord's own reference, slashes and all, and opens like any other.
  const manager = await signedIn(browser, 'manager@putright.example')
  await manager.goto(`/staff/complaints/${encodeURIComponent('CX/2025/002')}`)
  await expect(manager.locator('h1')).toContainText('CX/2025/002')
  await expectAccessible(manager, 'imported case')
})
