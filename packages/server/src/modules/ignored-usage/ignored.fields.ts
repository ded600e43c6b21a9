import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { NameText } from '../../resources/schemas.ts'

/**
 * An ignored call class's fields (Reference Data API 1.12, tag `ignored-call-classes`): usage with
 * this call class is not rated while the period lasts; the start is today when not sent.
 */
export const ignoredCallClassFields = {
  id: idField(),
  callClass: field(NameText(50, { description: 'Ignored call class name', examples: ['TEST'] }), { column: 'call_class', filter: 'string', sortable: true }),
  startDate: field(Type.String({ format: 'date', description: 'Date this ignored call class applies from (today when not sent)', examples: ['2019-08-24'] }), {
    column: 'start_date',
    filter: 'date',
    sortable: true,
    defaulted: true,
  }),
  endDate: field(Type.String({ format: 'date', description: 'Date this ignored call class applies to', examples: ['2019-08-24'] }), { column: 'end_date', filter: 'date', sortable: true, optional: true }),
}

export const ignoredCallClassResource = describeResource(ignoredCallClassFields, { noun: 'Ignored call class' })

/** An ignored service id's fields (tag `ignored-service-ids`): usage of this service id is not rated. */
export const ignoredServiceIdFields = {
  id: idField(),
  serviceId: field(NameText(50, { description: 'The service-id that is ignored', examples: ['01130000000'] }), { column: 'service_id', filter: 'string', sortable: true }),
}

export const ignoredServiceIdResource = describeResource(ignoredServiceIdFields, { noun: 'Ignored service id' })
