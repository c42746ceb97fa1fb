// Starts each GraphQL request's deadline at the HTTP entry and runs the rest of the request under it
// (compute/request-deadline.ts); a client that goes away before the answer aborts its work too.
import type { RequestHandler, Response } from "express";
import { PlatformError } from "../compute/errors.js";
import { RequestDeadline, withRequestDeadline } from "../compute/request-deadline.js";

export function requestDeadlineMiddleware(timeoutMs: number): RequestHandler {
  return (_req, res, next) => {
    const deadline = new RequestDeadline(timeoutMs);
    res.locals.deadline = deadline;
    res.once("close", () => {
      if (res.writableFinished) deadline.dispose();
      else deadline.abort(new PlatformError("TIMEOUT", "the client closed the connection before the answer"));
    });
    withRequestDeadline(deadline, next);
  };
}

/** The deadline the middleware started for this response. */
export function deadlineOf(res: Response): RequestDeadline | undefined {
  return res.locals.deadline as RequestDeadline | undefined;
}
