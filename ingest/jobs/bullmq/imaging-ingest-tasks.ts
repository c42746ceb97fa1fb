// ingestImaging on the distributed engine: one BullMQ task per patient (the job's items, imaging-ingest-job.ts).
// A task rebuilds the job from its arguments in the worker (RG_DICOMWEB_URL names the archive there) and
// upserts the patient's studies, series and lesions, so a task retried after a killed worker adds nothing.
// Every worker's DICOMweb requests share the host's rate through Redis (ingest/http/upstream-limiter.ts).
export const IMAGING_INGEST_TASK_KIND = "ingestImaging";
