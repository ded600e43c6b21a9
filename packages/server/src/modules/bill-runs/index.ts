import { defineModule } from '../module.ts'
import { adhocBillRunUseCases } from './adhoc-bill-run.service.ts'
import { BILL_RUN_STEP_JOB, billRunStepRunner, type BillRunStepJob } from './bill-run.jobs.ts'
import { billRunRoutes } from './bill-run.routes.ts'
import { billRunUseCases } from './bill-run.service.ts'

/** The Bill Run API: bill runs of billing cycles' periods, their steps as durable jobs, adhoc bill runs. */
export const billRunsModule = defineModule({
  name: 'bill-runs',
  docs: 'bill-runs.md',
  permissions: [
    { permission: 'billruns:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'billruns:write', roles: ['Administrator'] },
  ],
  register: (app, { db, jobs, clock, billRunWork }) => {
    jobs.define<BillRunStepJob>(BILL_RUN_STEP_JOB, billRunStepRunner({ db, work: billRunWork, clock }))
    billRunRoutes(app, billRunUseCases({ db, jobs, clock }), adhocBillRunUseCases({ db, jobs, clock }))
  },
})

/** For app.ts and the modules that do the steps' work (rating, invoicing). */
export { countingBillRunWork, type BillRunSubject, type BillRunWork, type StepOutcome } from './bill-run.work.ts'
