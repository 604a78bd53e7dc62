/** Thrown (or returned as the cause) when the user backs out of a prompt: the command wrapper never reports it. */
export class UserCancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}
