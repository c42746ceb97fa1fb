// A signature fit as a job: one item per class fitted (binary: the positive class; multi-class: one vs
// rest each), so progress counts classes. The id is deterministic from the request
// (`signature-fit-<sha256 16 hex>`): the same request again resumes / finds the finished job, and each
// class's signature is stored under its own deterministic `sig-…` id (fitSignature with the same
// arguments then answers from the graph at once). Bad input (a single class, an unknown attribute)
// fails the job's one `plan` item with the error's code, and nothing is stored.
import { createHash } from "node:crypto";
import type { JobDefinition } from "../jobs/job.js";
import type { SignatureRequest } from "./signature-request.js";
import type { SignatureService } from "./signature-service.js";

export function signatureFitJobId(request: SignatureRequest): string {
  return `signature-fit-${createHash("sha256").update(JSON.stringify(request)).digest("hex").slice(0, 16)}`;
}

/** `serviceFor(signal)`: a SignatureService whose fits stop when the job is cancelled (pool runners bound to the signal). */
export function signatureFitJob(serviceFor: (signal?: AbortSignal) => SignatureService, request: SignatureRequest): JobDefinition<{ key: string; positiveClass?: string; error?: unknown }> {
  return {
    id: signatureFitJobId(request),
    name: `Fit signature of ${request.target}`,
    items: (async function* () {
      let classes: string[];
      try {
        classes = await serviceFor().positiveClasses(request);
      } catch (error) {
        yield { key: "plan", error }; // the item's handler rethrows it: the job's FAILED item carries its code
        return;
      }
      for (const positiveClass of classes) yield { key: `class:${positiveClass}`, positiveClass };
    })(),
    keyOf: (item) => item.key,
    async handle(item, context) {
      if (item.error) throw item.error;
      await serviceFor(context.signal).fit({ ...request, positiveClass: item.positiveClass });
    },
  };
}
