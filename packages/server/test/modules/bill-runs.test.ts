import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs } from '../helpers/users.ts'

const BILL_RUNS = '/v1/bill-runs'
const ADJUST = '/v1/adjust-bill-run-schedule'
const JSON_PATCH = { 'content-type': 'application/json-patch+json' }
const replace = (fields: Record<string, unknown>) => Object.entries(fields).map(([field, value]) => ({ op: 'replace', path: `/${field}`, value }))
const CLOSE = { billRunStatus: 'CLOSED', summaryStatus: 'REPORTING' }
let sequence = 0

/** The date every server of this file lives on: mid-December 2026. */
const clock = () => new Date('2026-12-15T10:00:00Z')

describe('/v1/bill-runs and /v1/adjust-bill-run-schedule', () => {
  let server: TestServer
  let token: string
  let owner: number

  const patch = (id: number, fields: Record<string, unknown>, headers: Record<string, string> = {}) =>
    server.request('PATCH', `${BILL_RUNS}/${id}`, { token, headers: { ...JSON_PATCH, ...headers }, body: JSON.stringify(replace(fields)) })
  const get = async (id: number) => {
    const response = await server.request('GET', `${BILL_RUNS}/${id}`, { token })
    assert.equal(response.status, 200, response.text)
    return response.body
  }
  const runJobs = () => server.app.jobs.runPending()
  /** A billing cycle of its own (and so a bill run of its own) for one test. */
  const newCycle = async (settings: Record<string, unknown> = {}) => {
    const body = { contractOwnerId: owner, name: `Cycle ${process.pid}-${++sequence}`, startDayOfPeriod: 1, periodUnit: 'MONTHLY', currencyCode: 'GBP', completionType: 'CLOSE_ONLY', ...settings }
    const created = await server.request('POST', '/v1/billing-cycles', { token, json: body })
    assert.equal(created.status, 201, created.text)
    const runs = await server.request('GET', `${BILL_RUNS}?page=1&pageSize=10&billingCycleId=${created.body.id}`, { token })
    assert.equal(runs.status, 200, runs.text)
    assert.equal(runs.body.length, 1, 'a new cycle has its current bill run')
    return { cycle: created.body.id as number, billRun: runs.body[0] }
  }
  /** Moves a bill run through `steps`, running each step's job. */
  const walk = async (id: number, ...steps: Array<Record<string, unknown>>) => {
    for (const step of steps) {
      const moved = await patch(id, step)
      assert.equal(moved.status, 200, moved.text)
      assert.equal(await runJobs(), 1)
    }
    return get(id)
  }

  before(async () => {
    server = await startTestServer({ jobWorkers: false }, undefined, { clock })
    token = await server.login()
    const cycles = await server.request('GET', '/v1/billing-cycles?page=1&pageSize=10', { token })
    owner = cycles.body[0].contractOwnerId
  })
  after(() => server.close())

  it("lists the current period's bill run of every billing cycle, OPEN, made on first use", async () => {
    const cycles = await server.request('GET', '/v1/billing-cycles?page=1&pageSize=10', { token })
    const seeded = cycles.body[0].id
    const response = await server.request('GET', `${BILL_RUNS}?page=1&pageSize=10&billingCycleId=${seeded}`, { token })
    assert.equal(response.status, 200, response.text)
    assert.equal(response.body.length, 1)
    const run = response.body[0]
    assert.deepEqual(
      { ...run, id: 0 },
      {
        id: 0,
        name: '2026-12-01/2026-12-31',
        sortableName: '20261201-20261231',
        billingCycleId: seeded,
        created: '2026-12-15',
        periodStartDate: '2026-12-01',
        periodEndDate: '2026-12-31',
        invoiceDate: '2027-01-01',
        includeUsageUntilDate: '2026-12-31',
        billRunStatus: 'OPEN',
        summaryStatus: 'PROPERTIES',
        summaryStatusPercentage: 100,
        parallel: false,
        revenueInMajorCurrency: 0,
        usageSuspenseCount: 0,
        rentalSuspenseCount: 0,
        paused: false,
      },
    )
    const again = await server.request('GET', `${BILL_RUNS}?page=1&pageSize=10&billingCycleId=${seeded}`, { token })
    assert.deepEqual(again.body.map((r: { id: number }) => r.id), [run.id], 'made once')
  })

  it('makes one bill run when many requests find a new cycle without one at once', async () => {
    const body = { contractOwnerId: owner, name: `Cycle ${process.pid}-${++sequence}`, startDayOfPeriod: 10, periodUnit: 'MONTHLY', currencyCode: 'GBP', completionType: 'CLOSE_ONLY' }
    const cycle = (await server.request('POST', '/v1/billing-cycles', { token, json: body })).body.id
    const lists = await Promise.all(Array.from({ length: 20 }, () => server.request('GET', `${BILL_RUNS}?page=1&pageSize=10&billingCycleId=${cycle}`, { token })))
    assert.deepEqual([...new Set(lists.map((r) => r.status))], [200])
    const ids = new Set(lists.flatMap((r) => r.body.map((run: { id: number }) => run.id)))
    assert.equal(ids.size, 1, 'one bill run, whoever made it')
    assert.deepEqual([lists[0]!.body[0].periodStartDate, lists[0]!.body[0].periodEndDate], ['2026-12-10', '2027-01-09'])
  })

  it('follows the cycle: weekly periods, END_OF_BILL_RUN invoice dates', async () => {
    const { billRun } = await newCycle({ periodUnit: 'WEEKLY', startDayOfPeriod: 1, lengthOfPeriod: 2, defaultInvoiceDate: 'END_OF_BILL_RUN' })
    assert.equal(billRun.periodStartDate, '2026-12-07')
    assert.equal(billRun.periodEndDate, '2026-12-20')
    assert.equal(billRun.invoiceDate, '2026-12-20')
  })

  it('filters by the published filters, and refuses a status outside the enum (400)', async () => {
    const { cycle, billRun } = await newCycle()
    const open = await server.request('GET', `${BILL_RUNS}?page=1&pageSize=100&billRunStatus=OPEN&billingCycleId=${cycle}`, { token })
    assert.deepEqual(open.body.map((r: { id: number }) => r.id), [billRun.id])
    const closed = await server.request('GET', `${BILL_RUNS}?page=1&pageSize=100&billRunStatus=CLOSED&billingCycleId=${cycle}`, { token })
    assert.deepEqual(closed.body, [])
    const grouped = await server.request('GET', `${BILL_RUNS}?page=1&pageSize=100&billingCycleGroupName=like:x`, { token })
    assert.equal(grouped.status, 200)
    assert.deepEqual(grouped.body, [], 'billing cycle groups are not modelled: no bill run is in one')
    assertError(await server.request('GET', `${BILL_RUNS}?page=1&pageSize=100&billRunStatus=PAUSED`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${BILL_RUNS}?pageSize=100`, { token }), 400, 'invalid_query')
  })

  it('answers 404 for a bill run that does not exist, 401 without a token, 405 for other methods', async () => {
    assertError(await server.request('GET', `${BILL_RUNS}/987654`, { token }), 404, 'not_found')
    assertError(await patch(987654, CLOSE), 404, 'not_found')
    assertError(await server.request('GET', `${BILL_RUNS}?page=1&pageSize=10`), 401, 'authentication_required')
    assertError(await server.request('DELETE', `${BILL_RUNS}/1`, { token }), 405, 'method_not_allowed')
    assertError(await server.request('POST', BILL_RUNS, { token, json: {} }), 405, 'method_not_allowed')
  })

  it('lets read-only users read but not move bill runs (403)', async () => {
    const { billRun } = await newCycle()
    const reader = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${BILL_RUNS}/${billRun.id}`, { token: reader })).status, 200)
    assertError(await server.request('PATCH', `${BILL_RUNS}/${billRun.id}`, { token: reader, headers: JSON_PATCH, body: JSON.stringify(replace(CLOSE)) }), 403, 'insufficient_permission')
    assertError(await server.request('POST', `${ADJUST}/${billRun.id}?periods=1`, { token: reader }), 403, 'insufficient_permission')
  })

  it('walks close → draft invoices → full invoices → distribution, each step a job, and opens the next period', async () => {
    const { cycle, billRun } = await newCycle()
    const closing = await patch(billRun.id, { ...CLOSE, invoiceDate: '2027-01-04' })
    assert.equal(closing.status, 200, closing.text)
    assert.equal(closing.body.billRunStatus, 'CLOSED')
    assert.equal(closing.body.summaryStatus, 'REPORTING')
    assert.equal(closing.body.summaryStatusPercentage, 0, 'answered at once, the step still to run')
    assert.equal(closing.body.invoiceDate, '2027-01-04')
    assert.equal(typeof closing.body.billingUserAdminId, 'number')
    assert.equal(await runJobs(), 1)
    assert.equal((await get(billRun.id)).summaryStatusPercentage, 100)
    for (const step of ['DRAFT_INVOICES', 'FULL_INVOICES', 'DISTRIBUTION']) {
      const moved = await patch(billRun.id, { summaryStatus: step })
      assert.equal(moved.status, 200, moved.text)
      assert.deepEqual([moved.body.billRunStatus, moved.body.summaryStatus, moved.body.summaryStatusPercentage], ['CLOSED', step, 0])
      assert.equal(await runJobs(), 1)
    }
    const finished = await get(billRun.id)
    assert.deepEqual([finished.billRunStatus, finished.summaryStatus, finished.summaryStatusPercentage], ['FINALIZED', 'FINISHED', 100])
    const runs = await server.request('GET', `${BILL_RUNS}?page=1&pageSize=10&billingCycleId=${cycle}&sort=periodStartDate`, { token })
    assert.deepEqual(
      runs.body.map((r: Record<string, unknown>) => [r.periodStartDate, r.periodEndDate, r.billRunStatus]),
      [
        ['2026-12-01', '2026-12-31', 'FINALIZED'],
        ['2027-01-01', '2027-01-31', 'OPEN'],
      ],
    )
    assertError(await patch(billRun.id, { billRunStatus: 'OPEN' }), 409, 'invalid_transition')
  })

  it('takes a bill run status alone: CLOSED closes, FINALIZED distributes, OPEN reopens', async () => {
    const { billRun } = await newCycle()
    const closed = await patch(billRun.id, { billRunStatus: 'CLOSED' })
    assert.deepEqual([closed.body.billRunStatus, closed.body.summaryStatus], ['CLOSED', 'REPORTING'])
    await runJobs()
    const reopened = await patch(billRun.id, { billRunStatus: 'OPEN' })
    assert.equal(reopened.status, 200, reopened.text)
    assert.deepEqual([reopened.body.billRunStatus, reopened.body.summaryStatus], ['OPEN', 'PROPERTIES'])
    await runJobs()
    const finalised = await walk(billRun.id, CLOSE, { summaryStatus: 'FULL_INVOICES' }, { billRunStatus: 'FINALIZED' })
    assert.deepEqual([finalised.billRunStatus, finalised.summaryStatus], ['FINALIZED', 'FINISHED'])
  })

  it('refuses any other move with 409 naming the allowed ones', async () => {
    const { billRun } = await newCycle()
    const skipped = await patch(billRun.id, { billRunStatus: 'CLOSED', summaryStatus: 'FULL_INVOICES' })
    assertError(skipped, 409, 'invalid_transition')
    assert.match(skipped.body.message, /from PROPERTIES it may move to REPORTING/)
    await walk(billRun.id, CLOSE, { summaryStatus: 'FULL_INVOICES' })
    const back = await patch(billRun.id, { summaryStatus: 'DRAFT_INVOICES' })
    assertError(back, 409, 'invalid_transition')
    assert.match(back.body.message, /may move to DISTRIBUTION/)
    assertError(await patch(billRun.id, { billRunStatus: 'OPEN' }), 409, 'invalid_transition')
    assertError(await patch(billRun.id, { summaryStatus: 'PAYMENT' }), 409, 'invalid_transition')
  })

  it('refuses a move while a step runs (409), and a status that contradicts the step (400)', async () => {
    const { billRun } = await newCycle()
    assertFieldErrors(await patch(billRun.id, { billRunStatus: 'OPEN', summaryStatus: 'REPORTING' }), ['billRunStatus:invalid_value'])
    assert.equal((await patch(billRun.id, CLOSE)).status, 200)
    const early = await patch(billRun.id, { summaryStatus: 'DRAFT_INVOICES' })
    assertError(early, 409, 'invalid_transition')
    assert.match(early.body.message, /still running its REPORTING step/)
    assertError(await patch(billRun.id, CLOSE), 409, 'invalid_transition')
    await runJobs()
    const repeated = await patch(billRun.id, CLOSE)
    assert.equal(repeated.status, 200, 'asking for the step it finished changes nothing')
    assert.equal(repeated.body.summaryStatusPercentage, 100)
  })

  it('two concurrent closes: one wins, the other is 409; with If-Match the loser is 412', async () => {
    const { billRun } = await newCycle()
    const answers = await Promise.all([patch(billRun.id, CLOSE), patch(billRun.id, CLOSE)])
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409])
    await runJobs()
    const { billRun: other } = await newCycle()
    const etag = (await server.request('GET', `${BILL_RUNS}/${other.id}`, { token })).headers.get('etag')!
    const conditional = await Promise.all([patch(other.id, CLOSE, { 'if-match': etag }), patch(other.id, CLOSE, { 'if-match': etag })])
    assert.deepEqual(conditional.map((a) => a.status).sort(), [200, 412])
    assert.equal(await runJobs(), 1, 'one job for the one move')
  })

  it('changes dates and paused without a step; refuses read-only fields, bad values (400) and merge patches (415)', async () => {
    const { billRun } = await newCycle()
    const first = await server.request('GET', `${BILL_RUNS}/${billRun.id}`, { token })
    const changed = await patch(billRun.id, { invoiceDate: '2027-01-05', paused: true })
    assert.equal(changed.status, 200, changed.text)
    assert.deepEqual([changed.body.invoiceDate, changed.body.paused, changed.body.summaryStatus], ['2027-01-05', true, 'PROPERTIES'])
    assert.notEqual(changed.headers.get('etag'), first.headers.get('etag'))
    assert.equal(await runJobs(), 0, 'no step, no job')
    const same = await patch(billRun.id, { invoiceDate: '2027-01-05' })
    assert.equal(same.headers.get('etag'), changed.headers.get('etag'), 'a patch that changes nothing writes nothing')
    assertFieldErrors(await patch(billRun.id, { name: 'Renamed', periodStartDate: '2027-01-01' }), ['name:read_only', 'periodStartDate:read_only'])
    assertFieldErrors(await patch(billRun.id, { invoiceDate: 'soon', summaryStatus: 'SOMEDAY' }), ['invoiceDate:invalid_format', 'summaryStatus:invalid_value'])
    const merge = await server.request('PATCH', `${BILL_RUNS}/${billRun.id}`, { token, headers: { 'content-type': 'application/merge-patch+json' }, body: '{}' })
    assertError(merge, 415, 'unsupported_media_type')
    assertError(await patch(billRun.id, { invoiceDate: '2027-01-06' }, { 'if-match': first.headers.get('etag')! }), 412, 'precondition_failed')
  })

  it('adjusts an OPEN bill run by whole periods; 400 without periods, 404, 409 when not OPEN or overlapping', async () => {
    const { cycle, billRun } = await newCycle({ defaultInvoiceDate: 'END_OF_BILL_RUN_PLUS_ONE' })
    const later = await server.request('POST', `${ADJUST}/${billRun.id}?periods=2`, { token })
    assert.equal(later.status, 200, later.text)
    assert.deepEqual([later.body.name, later.body.periodStartDate, later.body.periodEndDate, later.body.invoiceDate, later.body.includeUsageUntilDate], [
      '2027-02-01/2027-02-28',
      '2027-02-01',
      '2027-02-28',
      '2027-03-01',
      '2027-02-28',
    ])
    const back = await server.request('POST', `${ADJUST}/${billRun.id}?periods=-3`, { token })
    assert.equal(back.status, 200, back.text)
    assert.deepEqual([back.body.periodStartDate, back.body.periodEndDate], ['2026-11-01', '2026-11-30'])
    assertError(await server.request('POST', `${ADJUST}/${billRun.id}`, { token }), 400, 'invalid_query')
    assertError(await server.request('POST', `${ADJUST}/${billRun.id}?periods=half`, { token }), 400, 'invalid_query')
    assertError(await server.request('POST', `${ADJUST}/987654?periods=1`, { token }), 404, 'not_found')
    await walk(billRun.id, CLOSE, { summaryStatus: 'FULL_INVOICES' }, { summaryStatus: 'DISTRIBUTION' })
    assertError(await server.request('POST', `${ADJUST}/${billRun.id}?periods=1`, { token }), 409, 'invalid_transition')
    const next = (await server.request('GET', `${BILL_RUNS}?page=1&pageSize=10&billingCycleId=${cycle}&billRunStatus=OPEN`, { token })).body[0]
    assert.equal(next.periodStartDate, '2026-12-01', 'the period after the finalised one opened')
    assertError(await server.request('POST', `${ADJUST}/${next.id}?periods=-1`, { token }), 409, 'overlapping_period')
  })
})

describe('/v1/adhoc-bill-runs', () => {
  let server: TestServer
  let token: string
  const ADHOC = '/v1/adhoc-bill-runs'
  const create = (body: Record<string, unknown>) => server.request('POST', ADHOC, { token, json: body })
  const patch = (id: number, fields: Record<string, unknown>) => server.request('PATCH', `${ADHOC}/${id}`, { token, headers: JSON_PATCH, body: JSON.stringify(replace(fields)) })
  const name = () => `Adhoc ${++sequence}`

  before(async () => {
    server = await startTestServer({ jobWorkers: false }, undefined, { clock })
    token = await server.login()
  })
  after(() => server.close())

  it('creates an OPEN adhoc bill run (201), unique by name (409), with every field error at once (400)', async () => {
    const created = await create({ name: 'Maintenance 12', nickname: 'Maintenance charge', invoiceDate: '2026-12-20' })
    assert.equal(created.status, 201, created.text)
    assert.deepEqual({ ...created.body, id: 0 }, {
      id: 0,
      name: 'Maintenance 12',
      nickname: 'Maintenance charge',
      created: '2026-12-15',
      invoiceDate: '2026-12-20',
      billRunStatus: 'OPEN',
      summaryStatus: 'PROPERTIES',
      summaryStatusPercentage: 100,
      revenueInMajorCurrency: 0,
      adhocProductInventoryIds: [],
      rentalProductInventoryIds: [],
    })
    assert.equal(created.headers.get('location'), `${ADHOC}/${created.body.id}`)
    assertError(await create({ name: 'Maintenance 12', invoiceDate: '2026-12-21' }), 409, 'already_exists')
    assertFieldErrors(await create({ nickname: '' }), ['name:required', 'invoiceDate:required', 'nickname:too_short'])
    assertFieldErrors(await create({ name: 'A name far too long for it', invoiceDate: '2026-12-21' }), ['name:too_long'])
    assertFieldErrors(await create({ name: name(), invoiceDate: '2026-12-21', billRunStatus: 'CLOSED', summaryStatus: 'REPORTING' }), ['billRunStatus:invalid_value', 'summaryStatus:invalid_value'])
    assertFieldErrors(await create({ name: name(), invoiceDate: '2026-12-21', revenueInMajorCurrency: 5 }), ['revenueInMajorCurrency:unknown_field'])
  })

  it('20 concurrent creates of one name: one 201, 19 × 409', async () => {
    const body = { name: name(), invoiceDate: '2026-12-23' }
    const answers = await Promise.all(Array.from({ length: 20 }, () => create(body)))
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, ...Array(19).fill(409)])
  })

  it('lists with the status filter, gets one (404 when missing)', async () => {
    const created = (await create({ name: name(), invoiceDate: '2026-12-22' })).body
    const open = await server.request('GET', `${ADHOC}?page=1&pageSize=1000&billRunStatus=OPEN`, { token })
    assert.ok(open.body.some((r: { id: number }) => r.id === created.id))
    const closed = await server.request('GET', `${ADHOC}?page=1&pageSize=1000&billRunStatus=CLOSED`, { token })
    assert.ok(!closed.body.some((r: { id: number }) => r.id === created.id))
    assert.equal((await server.request('GET', `${ADHOC}/${created.id}`, { token })).body.name, created.name)
    assertError(await server.request('GET', `${ADHOC}/987654`, { token }), 404, 'not_found')
    assertError(await server.request('DELETE', `${ADHOC}/${created.id}`, { token }), 405, 'method_not_allowed')
  })

  it('walks REPORTING → FULL_INVOICES → DISTRIBUTION as jobs, and refuses draft invoices (409)', async () => {
    const created = (await create({ name: name(), invoiceDate: '2026-12-22' })).body
    const closed = await server.request('PATCH', `${ADHOC}/${created.id}`, {
      token,
      headers: JSON_PATCH,
      body: JSON.stringify([{ op: 'replace', path: '/summaryStatus', value: 'REPORTING' }, { op: 'add', path: '/nickname', value: 'Year-end charges' }]),
    })
    assert.equal(closed.status, 200, closed.text)
    assert.deepEqual([closed.body.billRunStatus, closed.body.summaryStatus, closed.body.summaryStatusPercentage, closed.body.nickname], ['CLOSED', 'REPORTING', 0, 'Year-end charges'])
    assert.equal(await server.app.jobs.runPending(), 1)
    const draft = await patch(created.id, { summaryStatus: 'DRAFT_INVOICES' })
    assertError(draft, 409, 'invalid_transition')
    assert.match(draft.body.message, /may move to FULL_INVOICES, PROPERTIES/)
    for (const step of ['FULL_INVOICES', 'DISTRIBUTION']) {
      assert.equal((await patch(created.id, { summaryStatus: step })).status, 200)
      assert.equal(await server.app.jobs.runPending(), 1)
    }
    const done = (await server.request('GET', `${ADHOC}/${created.id}`, { token })).body
    assert.deepEqual([done.billRunStatus, done.summaryStatus, done.summaryStatusPercentage], ['FINALIZED', 'FINISHED', 100])
    assertFieldErrors(await patch(created.id, { name: 'Renamed' }), ['name:read_only'])
  })
})

describe('docs/modules/bill-runs.md', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({}, undefined, { clock })
  })
  after(() => server.close())

  it('runs the example as written', async () => {
    const stdout = await runDocExamples(server.url, ['bill-runs.md'])
    assert.match(stdout, /^\[\{"name":"2026-12-01\/2026-12-31","billRunStatus":"OPEN","summaryStatus":"PROPERTIES"\}\]$/m)
    assert.match(stdout, /^200$/m, 'the schedule adjusted by one period')
    assert.match(stdout, /"name":"2027-01-01\/2027-01-31".*"invoiceDate":"2030-02-04".*"billRunStatus":"CLOSED","summaryStatus":"REPORTING","summaryStatusPercentage":0/)
    assert.match(stdout, /"name":"Year-end charges".*"billRunStatus":"OPEN"/)
    await server.app.jobs.idle()
  })
})
