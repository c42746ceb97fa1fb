// A tiny GraphQL-over-HTTP client for end-to-end tests (Node's fetch).
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
}

export async function graphql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, "status">;
  return { status: response.status, ...body };
}

/** Polls `jobQuery` (a `job(id: $id) { status … }` query) until the job is neither QUEUED nor RUNNING; returns the job. */
export async function finishedJob(url: string, jobQuery: string, id: string, pollMs = 100): Promise<any> {
  for (;;) {
    const { data } = await graphql(url, jobQuery, { id });
    if (!["QUEUED", "RUNNING"].includes(data.job.status)) return data.job;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
