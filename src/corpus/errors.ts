/**
 * Errors of the corpus layer. Each names the file involved and what to do; the CLI prints the message once.
 */

/** Base class: any corpus problem the user can act on. */
export class CorpusError extends Error {
  override readonly name: string = "CorpusError";
  /** The file or folder concerned. */
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.file = file;
  }
}

/** Another live process holds the corpus lock for longer than the wait allowed. */
export class CorpusBusyError extends CorpusError {
  override readonly name = "CorpusBusyError";
}

/** corpus.jsonl cannot be read or written (permissions, disk full, missing while the index has data). */
export class CorpusLogError extends CorpusError {
  override readonly name = "CorpusLogError";
}

/** corpus.db was written by a newer Aurora-X (a schema version this one does not know). */
export class CorpusSchemaError extends CorpusError {
  override readonly name = "CorpusSchemaError";
}

/** A file given to `aurora corpus import` is not a corpus (neither JSON lines of records nor a corpus.db). */
export class CorpusImportError extends CorpusError {
  override readonly name = "CorpusImportError";
}

/** The export endpoint refused or could not take a batch; the batch stays in the outbox. */
export class ExportPostError extends CorpusError {
  override readonly name = "ExportPostError";
  /** HTTP status, when the endpoint answered. */
  readonly status: number | undefined;

  constructor(file: string, message: string, status: number | undefined, options?: { cause?: unknown }) {
    super(file, message, options);
    this.status = status;
  }
}
