/**
 * A quick reachability check before handing a service to a library that retries for tens of seconds (the
 * cache and artifact clients back off up to ~25 s, the Octokit retry plugin up to ~55 s on refused connections).
 * A local run or `act` without a cache server then costs one refused connection, not a minute.
 */
import { connect } from "node:net";

/** Whether a TCP connection to the URL's host and port opens within `timeoutMs`; the reason when it does not. */
export function reachable(url: string, timeoutMs = 3000): Promise<{ readonly ok: true } | { readonly ok: false; readonly reason: string }> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve({ ok: false, reason: `"${url}" is not a URL` });
  }
  const port = Number(target.port || (target.protocol === "https:" ? 443 : 80));
  const host = target.hostname.replace(/^\[|\]$/g, "");
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: { ok: true } | { ok: false; reason: string }): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, reason: `no answer from ${target.host} within ${timeoutMs} ms` }));
    socket.once("connect", () => done({ ok: true }));
    socket.once("error", (e: NodeJS.ErrnoException) => done({ ok: false, reason: `${target.host}: ${e.code ?? e.message}` }));
  });
}
