import { ProviderSession } from '../../src/auth.ts'
import { createLogSink } from '../../src/logging.ts'
import { Transport } from '../../src/request.ts'
import { DEFAULT_RETRY } from '../../src/retry.ts'

/**
 * The request layer on its own, with a fixed token: for exercising the generic resource helper on
 * resources the server does not have yet (create, update, exists).
 */
export function bareTransport(baseUrl: string, sleep = async (_ms: number) => {}): Transport {
  return new Transport({
    baseUrl,
    fetch: (url, init) => fetch(url, init),
    retry: { ...DEFAULT_RETRY, sleep, random: () => 0.5 },
    timeoutMs: 30_000,
    log: createLogSink(undefined),
    tokens: new ProviderSession(() => 'fixed-token'),
    now: Date.now,
  })
}
