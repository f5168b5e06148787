/** Errors of the tracker server. */

/** The server cannot start with this configuration (e.g. a public host without an API key). */
export class ServeConfigError extends Error {
  override readonly name = "ServeConfigError";
}

/** A request the server refuses; `status` and `message` go to the client as `{ "error": message }`. */
export class HttpError extends Error {
  override readonly name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
