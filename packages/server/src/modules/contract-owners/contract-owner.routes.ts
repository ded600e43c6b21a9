import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { sendPage } from '../../http/pages.ts'
import { PATCH_CONSUMES, patchRequestOf, sendCreated, sendVersioned } from '../../http/resources.ts'
import { errorResponses, PatchBody } from '../../http/schemas.ts'
import {
  ContractOwner,
  ContractOwnerBody,
  ContractOwnerParams,
  ListContractOwnersQuery,
} from './contract-owner.schemas.ts'
import type { ContractOwnerService } from './contract-owner.service.ts'

const PATH = '/v1/contract-owners'
const tags = ['contract-owners']

export const contractOwnerRoutes: FastifyPluginAsyncTypebox<{ service: ContractOwnerService }> = async (app, { service }) => {
  app.get(PATH, {
    config: { permission: 'admin:read' },
    schema: { tags, operationId: 'getContractOwners', summary: 'List contract owners', querystring: ListContractOwnersQuery, response: { 200: Type.Array(Type.Partial(ContractOwner)) } },
  }, async (request, reply) => {
    const result = await service.list(request.actor, request.query)
    return sendPage(request, reply, result.page, result)
  })

  app.post(PATH, {
    config: { permission: 'admin:write' },
    schema: { tags, operationId: 'createContractOwner', summary: 'Create a contract owner', body: ContractOwnerBody, response: { 201: ContractOwner, ...errorResponses([409]) } },
  }, async (request, reply) => sendCreated(reply, PATH, await service.create(request.actor, request.body)))

  app.get(`${PATH}/:contractOwnerId`, {
    config: { permission: 'admin:read' },
    schema: { tags, operationId: 'getContractOwner', summary: 'Get a contract owner', params: ContractOwnerParams, response: { 200: ContractOwner, ...errorResponses([404]) } },
  }, async (request, reply) => sendVersioned(reply, await service.get(request.actor, request.params.contractOwnerId)))

  app.patch(`${PATH}/:contractOwnerId`, {
    config: { permission: 'admin:write', consumes: PATCH_CONSUMES },
    schema: { tags, operationId: 'updateContractOwner', summary: 'Update a contract owner (JSON Patch or merge patch)', params: ContractOwnerParams, body: PatchBody, response: { 200: ContractOwner, ...errorResponses([404, 409, 412]) } },
  }, async (request, reply) =>
    sendVersioned(reply, await service.update(request.actor, request.params.contractOwnerId, patchRequestOf(request))),
  )
}
