/** A check failure: plain text, or an internal error the caller must answer with 500. */
export class CheckError extends Error {
  constructor(message: string, public readonly internal = false) {
    super(message);
  }
}
