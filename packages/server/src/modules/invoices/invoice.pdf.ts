import { Decimal } from '../../resources/decimal.ts'
import type { ResourceOf } from '../../resources/fields.ts'
import type { invoiceFields } from './invoice.fields.ts'
import type { InvoiceParties } from './invoice.repository.ts'

type Invoice = ResourceOf<typeof invoiceFields>
type Line = Invoice['invoiceLines'][number]

const money = (value: number) => new Decimal(String(value)).toFixed(2)
const MARGIN = 50

/**
 * The document's pages as one buffer; its dates are the invoice's, so the same invoice gives the
 * same bytes. pdfkit is loaded on the first document, not when the server starts (it is large).
 */
async function render(title: string, invoice: Invoice, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit')
  const created = new Date(invoice.createdDate)
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title, Creator: 'elevate-api', CreationDate: created, ModDate: created } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  draw(doc)
  doc.end()
  return done
}

function heading(doc: PDFKit.PDFDocument, title: string, invoice: Invoice, parties: InvoiceParties): void {
  doc.font('Helvetica-Bold').fontSize(18).text(parties.contractOwnerName)
  doc.moveDown(0.5).fontSize(14).text(title)
  doc.font('Helvetica').fontSize(10)
  doc.text(invoice.invoiceNumber === undefined ? 'DRAFT: not yet numbered' : `Invoice number: ${invoice.invoiceNumber}`)
  doc.text(`Invoice date: ${invoice.invoiceDate}`)
  if (invoice.dueDate !== undefined) doc.text(`Due date: ${invoice.dueDate}`)
  if (invoice.periodStartDate !== undefined && invoice.periodEndDate !== undefined) doc.text(`Period: ${invoice.periodStartDate} to ${invoice.periodEndDate}`)
  doc.moveDown()
  doc.font('Helvetica-Bold').text(parties.customerName)
  doc.font('Helvetica').text(`Account: ${parties.customerAccountNumber}`)
  const address = parties.address
  for (const part of [address.businessName, address.address1, address.address2, address.address3, address.town, address.county, address.postcode, address.country]) {
    if (part !== undefined && part !== null && part !== '') doc.text(part)
  }
  doc.moveDown()
}

function totals(doc: PDFKit.PDFDocument, invoice: Invoice): void {
  doc.moveDown()
  const currency = invoice.currencyCode
  doc.font('Helvetica').text(`Net total: ${currency} ${money(invoice.netAmountInMajorCurrency)}`, { align: 'right' })
  doc.text(`Tax total: ${currency} ${money(invoice.taxAmountInMajorCurrency)}`, { align: 'right' })
  doc.font('Helvetica-Bold').text(`Total to pay: ${currency} ${money(invoice.grossAmountInMajorCurrency)}`, { align: 'right' })
}

const COLUMNS = [
  { title: 'Description', width: 175 },
  { title: 'Period', width: 110 },
  { title: 'Qty', width: 40 },
  { title: 'Unit price', width: 60 },
  { title: 'Tax %', width: 40 },
  { title: 'Net', width: 70 },
]

function row(doc: PDFKit.PDFDocument, cells: string[]): void {
  const top = doc.y
  let x = MARGIN
  let bottom = top
  cells.forEach((cell, index) => {
    doc.text(cell, x, top, { width: COLUMNS[index]!.width - 5 })
    bottom = Math.max(bottom, doc.y)
    x += COLUMNS[index]!.width
  })
  doc.x = MARGIN
  doc.y = bottom + 2
  if (doc.y > doc.page.height - 120) doc.addPage()
}

const period = (line: Line) => (line.periodStartDate === undefined ? '' : `${line.periodStartDate} to ${line.periodEndDate ?? ''}`)

/** The invoice PDF: header, every line, totals. */
export function invoicePdf(invoice: Invoice, parties: InvoiceParties): Promise<Buffer> {
  return render(`Invoice ${invoice.invoiceNumber ?? invoice.id}`, invoice, (doc) => {
    heading(doc, 'Invoice', invoice, parties)
    doc.font('Helvetica-Bold')
    row(doc, COLUMNS.map((column) => column.title))
    doc.font('Helvetica')
    for (const line of invoice.invoiceLines) {
      row(doc, [line.description, period(line), String(line.quantity), money(line.unitPriceInMajorCurrency), String(line.taxRate), money(line.amountInMajorCurrency)])
    }
    totals(doc, invoice)
  })
}

/** The summary PDF: the charges broken down by the site they are for, then by tax rate. */
export function invoiceSummaryPdf(invoice: Invoice, parties: InvoiceParties): Promise<Buffer> {
  const groups = new Map<string, { siteId: number; taxRate: number; net: Decimal; tax: Decimal; lines: number }>()
  for (const line of invoice.invoiceLines) {
    const key = `${line.siteId}/${line.taxRate}`
    const group = groups.get(key) ?? { siteId: line.siteId, taxRate: line.taxRate, net: new Decimal(0), tax: new Decimal(0), lines: 0 }
    group.net = group.net.plus(String(line.amountInMajorCurrency))
    group.tax = group.tax.plus(String(line.taxAmountInMajorCurrency))
    group.lines += 1
    groups.set(key, group)
  }
  return render(`Invoice summary ${invoice.invoiceNumber ?? invoice.id}`, invoice, (doc) => {
    heading(doc, 'Invoice summary', invoice, parties)
    doc.font('Helvetica-Bold').text('Charges by site and tax rate')
    doc.font('Helvetica')
    for (const group of [...groups.values()].sort((a, b) => a.siteId - b.siteId || a.taxRate - b.taxRate)) {
      doc.text(`Site ${group.siteId}, tax ${group.taxRate}%: ${group.lines} charge(s), net ${group.net.toFixed(2)}, tax ${group.tax.toFixed(2)}`)
    }
    totals(doc, invoice)
  })
}
