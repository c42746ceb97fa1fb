// The server's access rules and limits from the environment: defaults, overrides, and errors that
// name the variable to fix.
import { describe, expect, it } from "vitest";
import { serverConfigFromEnv } from "../../cli/server-config.js";
import { originAllowed, parseCorsOrigins } from "../../cli/cors-policy.js";

describe("server configuration from the environment", () => {
  it("defaults: open reads, 600 points a minute (20 per computation), 60 s resolver time, loopback CORS", () => {
    expect(serverConfigFromEnv({})).toEqual({
      limits: { maxDepth: 12, maxCost: 100_000 },
      readAccess: "open",
      rateLimits: { points: 600, windowSeconds: 60, computePoints: 20 },
      resolverTimeoutMs: 60_000,
      corsOrigins: ["loopback"],
      bodyLimit: undefined,
    });
  });

  it("reads every variable", () => {
    const config = serverConfigFromEnv({
      RG_READ_ACCESS: "key", RG_MAX_DEPTH: "8", RG_MAX_COST: "5000", RG_RATE_LIMIT_POINTS: "0", RG_RATE_LIMIT_WINDOW_S: "10",
      RG_RATE_LIMIT_COMPUTE_POINTS: "5", RG_RESOLVER_TIMEOUT_MS: "0", RG_CORS_ORIGINS: "https://lab.example.org/, loopback", RG_BODY_LIMIT: "1mb",
    });
    expect(config).toEqual({
      limits: { maxDepth: 8, maxCost: 5000 }, readAccess: "key", rateLimits: { points: 0, windowSeconds: 10, computePoints: 5 },
      resolverTimeoutMs: 0, corsOrigins: ["https://lab.example.org", "loopback"], bodyLimit: "1mb",
    });
  });

  it("keeps a computation within a small budget set alone", () => {
    expect(serverConfigFromEnv({ RG_RATE_LIMIT_POINTS: "3" }).rateLimits).toEqual({ points: 3, windowSeconds: 60, computePoints: 3 });
  });

  it("names the variable of a bad value", () => {
    expect(() => serverConfigFromEnv({ RG_READ_ACCESS: "closed" })).toThrow(/RG_READ_ACCESS must be 'open' or 'key', got 'closed'/);
    expect(() => serverConfigFromEnv({ RG_RATE_LIMIT_POINTS: "lots" })).toThrow(/RG_RATE_LIMIT_POINTS must be a number ≥ 0, got 'lots'/);
    expect(() => serverConfigFromEnv({ RG_MAX_DEPTH: "0" })).toThrow(/RG_MAX_DEPTH must be a number ≥ 1/);
  });

  it("allows loopback origins on any port, listed origins exactly, or any with *", () => {
    const loopback = parseCorsOrigins(undefined);
    expect(["http://localhost:3000", "http://127.0.0.1", "https://[::1]:8443"].map((o) => originAllowed(loopback, o))).toEqual([true, true, true]);
    expect(["https://evil.example", "http://localhost.evil.example", "http://127.0.0.1.evil.example"].map((o) => originAllowed(loopback, o))).toEqual([false, false, false]);
    const listed = parseCorsOrigins("https://lab.example.org");
    expect([originAllowed(listed, "https://lab.example.org"), originAllowed(listed, "http://localhost:3000")]).toEqual([true, false]);
    expect(originAllowed(parseCorsOrigins("*"), "https://anywhere.example")).toBe(true);
  });
});
