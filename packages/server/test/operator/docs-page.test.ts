import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { chromium, type Browser } from 'playwright-core'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'

/** Debian's package (`apt-get install chromium`); CI installs it, so there the test always runs. */
const CHROMIUM = process.env.ELEVATE_TEST_CHROMIUM ?? '/usr/bin/chromium'
const missing = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set ELEVATE_TEST_CHROMIUM)`

/**
 * How long the page may take to show what a step waits for. Swagger UI parses and renders the whole
 * document (4.5 MB, about 300 operations) in the browser: seconds on a quiet machine, more than
 * Playwright's default 30 s on a busy 2-core one. A generous bound, never a pause: each step goes on
 * the moment its element is there.
 */
const PAGE_TIMEOUT_MS = 240_000

describe('the API reference page at /docs', { skip: missing, timeout: 3 * PAGE_TIMEOUT_MS }, () => {
  let server: TestServer
  let browser: Browser
  const newPage = async () => {
    const page = await browser.newPage()
    page.setDefaultTimeout(PAGE_TIMEOUT_MS)
    page.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS)
    return page
  }
  before(async () => {
    server = await startTestServer()
    // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] })
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  it('loads with no console errors, from this server only, and lists the operations', async () => {
    const page = await newPage()
    const problems: string[] = []
    const foreign: string[] = []
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()))
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('request', (request) => !request.url().startsWith(server.url) && !request.url().startsWith('data:') && foreign.push(request.url()))
    const response = await page.goto(`${server.url}/docs`)
    assert.equal(response?.status(), 200)
    await page.locator('#operations-authentication-createBearerToken').waitFor()
    const document = (await server.request('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> }
    const operations = Object.values(document.paths).reduce((n, methods) => n + Object.keys(methods).length, 0)
    assert.equal(await page.locator('.opblock').count(), operations, 'every operation of the document')
    assert.ok(await page.locator('#operations-customers-getCustomers').isVisible())
    assert.deepEqual(problems, [], 'no console errors')
    assert.deepEqual(foreign, [], 'every asset from this server')
    await page.close()
  })

  it('calls POST /v1/authenticate from the page ("Try it out") and shows the 200', async () => {
    const page = await newPage()
    await page.goto(`${server.url}/docs#/authentication/createBearerToken`)
    const operation = page.locator('#operations-authentication-createBearerToken')
    await operation.locator('.opblock-body').waitFor()
    await operation.getByRole('button', { name: 'Try it out' }).click()
    await operation.locator('textarea.body-param__text').fill(JSON.stringify(ADMIN))
    await operation.getByRole('button', { name: 'Execute' }).click()
    const status = operation.locator('.live-responses-table .response .response-col_status')
    await status.waitFor()
    assert.equal((await status.innerText()).trim(), '200')
    assert.match(await operation.locator('.live-responses-table .highlight-code').innerText(), /"token"/)
    await page.close()
  })
})
