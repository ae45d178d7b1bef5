// Types of bench/harness.mjs and of a bench section, for sections written in TypeScript.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export declare const NODE_FLAGS: string[];

export interface SpawnedServer {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}
export declare function spawnServer(
  file: string | URL,
  options?: { env?: Record<string, string>; args?: string[]; nodeArgs?: string[] },
): Promise<SpawnedServer>;
export declare function benchServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Server>;
export declare function serverStats(
  url: string,
): Promise<{ cpuMicros: number } & NodeJS.MemoryUsage>;
export declare function serverHeap(url: string): Promise<NodeJS.MemoryUsage>;

export interface LoadRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
}
export declare function loadTest(
  url: string,
  options: {
    concurrency: number;
    durationMs?: number;
    warmupMs?: number;
    requests?: number;
    makeRequest(i: number): LoadRequest;
  },
): Promise<LoadResult>;

export interface LoopResult {
  ops: number;
  opsPerSecond: number;
  cpuMicrosPerOp: number;
  wallMicrosPerOp: number;
}
export declare function timeLoop(
  fn: (i: number) => unknown,
  options?: { durationMs?: number; warmup?: number; warmupMs?: number; batch?: number },
): Promise<LoopResult>;

/** A rule: `['>=', 0.9]`. */
export type Rule = readonly ['>=' | '<=' | '>' | '<', number];

/** One target: on the ratio or the difference against the baseline, or on the value itself. */
export interface TargetRules {
  ratio?: Rule;
  delta?: Rule;
  value?: Rule;
}

/** How one figure is read (bench/README.md, "Adding a section"). */
export interface FigureMeta {
  unit?: string;
  /** Which direction is good; default 'higher'. */
  better?: 'higher' | 'lower';
  /**
   * Reported, never fails the run: on the ratio or the difference against the baseline, or the
   * value. Applies to every non-baseline variant, or per variant (`{ [variant]: { value: … } }`).
   */
  target?: TargetRules | Record<string, TargetRules>;
  /** Fails the run when the median breaks it (sizes). */
  budget?: Rule;
}

export interface MeasureOptions<Context = unknown> {
  quick: boolean;
  run: number;
  context: Context;
}

export interface Section<Context = unknown> {
  /** For `--only`: a string literal on a line of its own (`id: 'my-section',`), read unimported. */
  id: string;
  title: string;
  description?: string;
  /** The first is the baseline the others are compared with; one variant = no ratio. */
  variants?: readonly string[];
  /** Runs one measurement only (deterministic figures such as sizes). */
  once?: boolean;
  runs?: number;
  figures?: Record<string, FigureMeta>;
  /** In the harness's process, once per section: start servers (spawnServer), return a JSON context. */
  setup?(options: {
    quick: boolean;
  }): Promise<{ context?: Context; teardown?: () => Promise<void> }>;
  /** In a fresh process per run and variant: returns figure name → number. */
  measure(variant: string, options: MeasureOptions<Context>): Promise<Record<string, number>>;
}
