import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'

type Factory = ReturnType<typeof SerializerSelector>
type Serializer = ReturnType<ReturnType<Factory>>

/** Compiled serialisers by the shared schemas and options they were built with, then by schema. */
const compiledBySetting = new Map<string, Map<string, Serializer>>()

/**
 * Fastify's serializer factory (fast-json-stringify), compiling each distinct response schema
 * once rather than once per route and status and app: about 250 operations answer the same error
 * body under several statuses each, and compiling every one again made each start of the app (and
 * each test server) spend seconds at `ready`. A serialiser depends only on its schema and on the
 * shared schemas and options the factory is given, so equal schemas share one.
 */
export function sharedSerializers(): Factory {
  const build = SerializerSelector()
  return (externalSchemas, options) => {
    const setting = JSON.stringify([externalSchemas ?? null, options ?? null])
    let compiled = compiledBySetting.get(setting)
    if (compiled === undefined) {
      compiled = new Map()
      compiledBySetting.set(setting, compiled)
    }
    const compile = build(externalSchemas, options)
    return (route) => {
      const key = JSON.stringify(route.schema)
      let serializer = compiled.get(key)
      if (serializer === undefined) {
        serializer = compile(route)
        compiled.set(key, serializer)
      }
      return serializer
    }
  }
}
