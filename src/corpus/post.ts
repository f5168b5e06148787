/**
 * POST export of corpus batches (the seed's AURORA_EXPORT_ENABLED / AURORA_POST_URL / AURORA_API_KEY).
 *
 * Request: `POST <url>` with `Content-Type: application/json`, `Authorization: Bearer <api key>` (when a key is
 * set), `Idempotency-Key: <batch id>` and the body `{"batch_id": "<id>", "records": [<corpus records>]}`. A batch
 * keeps its id across retries and runs, so an endpoint that stores each batch id once receives every record
 * exactly once even when an answer was lost and the batch is sent again.
 *
 * Any 2xx delivers the batch. Network errors, timeouts, 408, 425, 429 and 5xx are retried with exponential
 * backoff (base × 2^attempt, capped, ±25% jitter; a `Retry-After` in seconds is honoured up to the cap); other
 * answers (401, 403, 404, 400...) stop at once. The API key never appears in messages: it is redacted.
 */
import { ExportPostError } from "./errors.js";

/** Settings of the POST export, read once at the edge (CLI) from the environment. */
export interface PostExportConfig {
  /** The endpoint (http or https). */
  readonly url: string;
  /** Sent as `Authorization: Bearer <key>`; never printed. */
  readonly apiKey?: string;
  /** Records per batch. @default 100 */
  readonly batchSize?: number;
  /** Attempts per batch before the flush stops (the batch stays queued). @default 5 */
  readonly maxAttempts?: number;
  /** First retry delay in ms. @default 500 */
  readonly baseDelayMs?: number;
  /** Longest delay between attempts in ms. @default 8000 */
  readonly maxDelayMs?: number;
  /** Timeout of one request in ms. @default 10000 */
  readonly timeoutMs?: number;
}

/** A batch as stored in the outbox and sent. */
export interface Batch {
  readonly batch_id: string;
  /** The records' JSON lines exactly as in corpus.jsonl. */
  readonly lines: readonly string[];
}

/** How one send ended. */
export type SendOutcome = { readonly kind: "sent"; readonly attempts: number } | { readonly kind: "failed"; readonly attempts: number; readonly error: ExportPostError };

/** Sends a batch, retrying transient failures. Never throws for HTTP or network failures: they are the outcome. */
export async function sendBatch(config: PostExportConfig, batch: Batch, sleep: (ms: number) => Promise<void> = delay): Promise<SendOutcome> {
  const maxAttempts = Math.max(1, config.maxAttempts ?? 5);
  for (let attempt = 1; ; attempt++) {
    const result = await postOnce(config, batch);
    if (result === "ok") return { kind: "sent", attempts: attempt };
    if (!result.retryable || attempt >= maxAttempts) return { kind: "failed", attempts: attempt, error: result.error };
    await sleep(backoff(config, attempt, result.retryAfterMs));
  }
}

interface Failure {
  readonly error: ExportPostError;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
}

async function postOnce(config: PostExportConfig, batch: Batch): Promise<"ok" | Failure> {
  const body = `{"batch_id":${JSON.stringify(batch.batch_id)},"records":[${batch.lines.join(",")}]}`;
  let res: Response;
  try {
    res = await fetch(config.url, { method: "POST", headers: headers(config, batch.batch_id), body, signal: AbortSignal.timeout(config.timeoutMs ?? 10_000) });
  } catch (e) {
    const reason = describeNetworkError(e);
    return { retryable: true, error: new ExportPostError(safeUrl(config.url), redact(`could not reach ${safeUrl(config.url)} (${reason})`, config.apiKey), undefined, { cause: redactError(e, config.apiKey) }) };
  }
  await res.body?.cancel().catch(() => undefined);
  if (res.ok) return "ok";
  const retryable = res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500;
  const hint = res.status === 401 || res.status === 403 ? ": check AURORA_API_KEY" : res.status === 404 ? ": check AURORA_POST_URL" : "";
  const retryAfter = Number(res.headers.get("retry-after"));
  return {
    retryable,
    error: new ExportPostError(safeUrl(config.url), redact(`${safeUrl(config.url)} answered ${res.status} ${res.statusText} for batch ${batch.batch_id}${hint}`, config.apiKey), res.status),
    ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  };
}

function headers(config: PostExportConfig, batchId: string): Record<string, string> {
  return {
    "content-type": "application/json",
    "idempotency-key": batchId,
    ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
  };
}

/** The wait before attempt `attempt + 1`. */
export function backoff(config: PostExportConfig, attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
  const cap = config.maxDelayMs ?? 8000;
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, cap);
  const base = Math.min(cap, (config.baseDelayMs ?? 500) * 2 ** (attempt - 1));
  return Math.round(base * (0.75 + 0.5 * random()));
}

function describeNetworkError(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError") return "timed out";
  return err.cause?.code ?? err.cause?.message ?? err.message;
}

/** The URL without user name, password or query (they may carry secrets). */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(the export URL)";
  }
}

/** `text` with every occurrence of the secret replaced by `***`. */
export function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join("***") : text;
}

function redactError(e: unknown, secret: string | undefined): Error {
  const err = e instanceof Error ? e : new Error(String(e));
  return new Error(redact(err.message, secret));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
