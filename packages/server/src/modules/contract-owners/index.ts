import type { FastifyInstance } from 'fastify'
import type { ModuleContext } from '../module.ts'
import { contractOwnerRoutes } from './contract-owner.routes.ts'
import { ContractOwnerService } from './contract-owner.service.ts'

/** Contract owners (Admin API): list, get, and create and update for administrators. */
export async function contractOwnersModule(app: FastifyInstance, { db }: ModuleContext): Promise<void> {
  await app.register(contractOwnerRoutes, { service: new ContractOwnerService(db) })
}
