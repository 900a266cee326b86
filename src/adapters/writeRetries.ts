/**
 * Who retries a write that meets 429/503/504 or a dropped connection:
 * - `'owner'`: whoever made it, above the transport. On a page every write has such an owner: the durable
 *   outbox (the referent's text, afbud, agenda, referent, follow-ups, the clock) with its own back-off, the
 *   page's start (provisioning, inside retryTransient), or the person (send agenda, committee, who is told
 *   it is busy). The transport sends a write once, so one refused write is one request per attempt of its
 *   owner — not up to 12 (3 SDK retries × 4 PnPjs retries × the outbox's passes; issue 26 point 5).
 * - `'transport'`: the Graph SDK's RetryHandler and PnPjs' fetch-with-retry, for tools without an outbox
 *   (the CLI, the demo seed, benchmarks).
 * Reads are retried by the transport either way: they change nothing, and nobody above owns them.
 */
export type WriteRetries = 'owner' | 'transport';
