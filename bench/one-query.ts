/**
 * The ceiling of a stateful read: a bare Fastify server that reads a customer and its sites with
 * one pooled, prepared query (JSON built by PostgreSQL), as the schema owner, with no token, no
 * row-level security, no validation and no logging. What a server could do at best on this
 * PostgreSQL; `npm run bench` divides the API's database-backed rows by it.
 */
import Fastify from 'fastify'
import pg from 'pg'

const brandId = Number(process.env.BENCH_BRAND_ID)
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
const CUSTOMER_WITH_SITES = {
  name: 'customer_with_sites',
  text: `
    select c.id, c.contract_owner_id as "contractOwnerId", c.customer_type as "customerType",
           c.customer_name as "customerName", c.customer_account_number as "customerAccountNumber",
           c.start_date as "startDate", c.end_date as "endDate",
           coalesce((select json_agg(json_build_object('id', s.id, 'siteName', s.site_name,
                                     'siteReference', s.site_reference, 'siteAddress', s.site_address,
                                     'contacts', s.contacts) order by s.id)
                       from sites s where s.brand_id = c.brand_id and s.customer_id = c.id), '[]') as sites
      from customers c
     where c.brand_id = $1 and c.id = $2`,
}

const app = Fastify()
app.get<{ Params: { id: string } }>('/customers/:id', async (request, reply) => {
  const { rows } = await pool.query({ ...CUSTOMER_WITH_SITES, values: [brandId, Number(request.params.id)] })
  return rows[0] ?? reply.code(404).send({ message: 'not found' })
})
const address = await app.listen({ port: 0, host: '127.0.0.1' })
process.stdout.write(`listening on ${address}\n`)
process.once('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)))
