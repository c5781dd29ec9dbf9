import type { z } from 'zod';
import type { Response } from 'undici';
import type { OutboundRequest } from '../outbound/outbound-fetch';
import type { ExpressionScope } from '../definition/expressions';
import type { RunExpressionMeter } from '../definition/expression-budget';

export type NodeCategory = 'trigger' | 'action' | 'logic' | 'flow' | 'data' | 'human' | 'ai';

/**
 * How a node runs:
 * - pure: deterministic, evaluated inside the workflow with no Temporal round trip;
 * - activity: has side effects, runs as a Temporal activity named by the node type;
 * - control: shapes the run itself (timers, waits, joins, loops, children); its `run` executes
 *   inside the workflow, through the durable operations the interpreter lends it.
 */
export type NodeKind = 'pure' | 'activity' | 'control';

export interface PureContext<Config> {
  nodeId: string;
  /** The config with every `{{ }}` already resolved and parsed by the node's schema. */
  config: Config;
  scope: ExpressionScope;
  /** The run's budget of expression steps, for nodes that evaluate expressions of their own. */
  meter?: RunExpressionMeter;
}

export interface PureResult<Output> {
  output: Output;
  /** Which output handles to follow; all of the node's handles when omitted. */
  handles?: string[];
  /** Run variables to set (the set-variables node). */
  setVars?: Record<string, unknown>;
  /** The run's result (the workflow-output node). */
  runOutput?: unknown;
}

export interface NodeLogEntry {
  level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  message: string;
  data?: unknown;
}

export interface ActivityContext<Config> {
  config: Config;
  run: { runId: string; orgId: string; nodeId: string; attempt: number };
  /** Same on every attempt of this node in this run: for downstream deduplication. */
  idempotencyKey: string;
  /**
   * Lines for the run log (a code node's console output, an LLM's streamed reply): they reach
   * the live log while the attempt runs, in batches (temporal/activities/node-activities.ts).
   */
  log(entry: NodeLogEntry): void;
  /** Aborted when the activity is cancelled or times out. */
  signal: AbortSignal;
  /**
   * fetch through the outbound guard (lib/outbound), under the org's policy: the only way a node reaches the
   * network on a user's behalf.
   */
  guardedFetch(url: string, request?: OutboundRequest): Promise<Response>;
  /**
   * Resolves a host through the outbound guard, under the org's policy, for clients that open
   * their own connections (Postgres, SMTP): connect to the address it returns, so the name cannot
   * resolve elsewhere meanwhile. Throws OutboundBlocked for a host the policy refuses.
   */
  resolveHost(host: string): Promise<string>;
  /** Declares a secret this attempt handles: it is masked in the output, error and logs recorded. */
  addSecret(value: string): void;
  /**
   * Records how far a long attempt got (an OCR job's id) with Temporal's heartbeat: when the
   * worker dies or the attempt fails, the next attempt reads it as `heartbeatDetails` and resumes
   * instead of starting over. The attempt keeps heartbeating the latest details on its own.
   */
  heartbeat(details: unknown): void;
  /** What the previous attempt last passed to `heartbeat`; undefined on a first attempt. */
  heartbeatDetails: unknown;
}

/** A decision taken on a waiting approval. */
export interface ApprovalOutcome {
  decision: 'approved' | 'rejected';
  approver?: string;
  comment?: string;
  decidedAt: string;
}

/** A run of another workflow started by this one. */
export interface ChildRun {
  runId: string;
  /** The child's output; fails when the child fails. */
  result(): Promise<unknown>;
}

/**
 * What a control node's behaviour may do. It runs in Temporal's workflow sandbox, so it reaches
 * time, waits and other runs only through these operations, which the interpreter implements
 * (temporal/workflows/interpreter/control-nodes.ts); `Date.now()` there is the workflow's clock.
 */
export interface ControlContext<Config> {
  nodeId: string;
  /** The config with every `{{ }}` already resolved and parsed by the node's schema. */
  config: Config;
  /** Sources of the taken edges into this node, in the order they were taken. */
  activeSources(): string[];
  /** The output of a node that ran earlier in this loop pass or the run. */
  outputOf(nodeId: string): unknown;
  /** Waits durably, after writing what the run has recorded so far. */
  sleep(ms: number): Promise<void>;
  /** Runs the node's `each` branch once per item, `concurrency` passes at a time; results keep item order. */
  runLoop(items: unknown[], concurrency: number): Promise<unknown[]>;
  /** Shows the node as WAITING until someone decides it; undefined when `timeoutMs` passes first. */
  waitForDecision(request: {
    message: string;
    approvers: string[];
    timeoutMs?: number;
  }): Promise<ApprovalOutcome | undefined>;
  /** Starts a published version (the latest when omitted) of another workflow as a child run. */
  startChildRun(request: {
    workflowId: string;
    version?: number;
    input: unknown;
    /** Abandoned children keep running when this run ends; the others are terminated with it. */
    outlivesParent: boolean;
  }): Promise<ChildRun>;
}

export interface ControlResult<Output> {
  output: Output;
  /** Which output handles to follow. */
  handles: string[];
}

interface NodeTypeCommon<Config extends z.ZodType, Output extends z.ZodType> {
  /** Stable identifier; also the Temporal activity name for activity nodes. */
  type: string;
  /** Bumped on a breaking config change; the old version's file stays. */
  version: number;
  category: NodeCategory;
  label: string;
  description: string;
  /** A lucide icon name for the palette. */
  icon: string;
  config: Config;
  /** Top-level config fields that hold a bare JSONata program (not a template): compiled at publish. */
  programFields?: readonly string[];
  /** What the node expects from upstream, when it expects a shape (documentation for the palette). */
  input?: z.ZodType;
  output: Output;
  /** Whether edges may lead into the node (triggers take none). */
  acceptsInput: boolean;
  /** Output handles; a function when they depend on the config (switch cases). */
  outputs: readonly string[] | ((config: z.output<Config>) => string[]);
  /** Starts the run with no incoming edge (a trigger); by default, any node that accepts no input. */
  startsScope: boolean;
  /**
   * Starts once its first incoming edge is taken instead of when all are decided (a first-mode
   * merge). Reads the config as the definition holds it, before `{{ }}` are resolved.
   */
  startsOnFirstInput?: (config: Record<string, unknown>) => boolean;
}

export interface PureNodeType<
  Config extends z.ZodType = z.ZodType,
  Output extends z.ZodType = z.ZodType,
> extends NodeTypeCommon<Config, Output> {
  kind: 'pure';
  /** Synchronous: pure nodes run inside the workflow, where every promise has a cost. */
  execute(context: PureContext<z.output<Config>>): PureResult<z.output<Output>>;
}

export interface ActivityNodeType<
  Config extends z.ZodType = z.ZodType,
  Output extends z.ZodType = z.ZodType,
> extends NodeTypeCommon<Config, Output> {
  kind: 'activity';
  execute(context: ActivityContext<z.output<Config>>): Promise<z.output<Output>>;
}

export interface ControlNodeType<
  Config extends z.ZodType = z.ZodType,
  Output extends z.ZodType = z.ZodType,
> extends NodeTypeCommon<Config, Output> {
  kind: 'control';
  /** May return a plain result when the node needs no waiting. */
  run(
    context: ControlContext<z.output<Config>>,
  ): ControlResult<z.output<Output>> | Promise<ControlResult<z.output<Output>>>;
}

export type NodeType = PureNodeType | ActivityNodeType | ControlNodeType;

type Defaults = 'version' | 'acceptsInput' | 'outputs' | 'icon' | 'startsScope';
type WithDefaults<T extends NodeType> = Omit<T, Defaults> & Partial<Pick<T, Defaults>>;

/** Declares a node type, filling in the defaults most nodes share. */
export function defineNode<C extends z.ZodType, O extends z.ZodType>(
  node: WithDefaults<PureNodeType<C, O>>,
): PureNodeType<C, O>;
export function defineNode<C extends z.ZodType, O extends z.ZodType>(
  node: WithDefaults<ActivityNodeType<C, O>>,
): ActivityNodeType<C, O>;
export function defineNode<C extends z.ZodType, O extends z.ZodType>(
  node: WithDefaults<ControlNodeType<C, O>>,
): ControlNodeType<C, O>;
export function defineNode(node: WithDefaults<NodeType>): NodeType {
  const acceptsInput = node.acceptsInput ?? true;
  return {
    version: 1,
    outputs: ['out'],
    icon: 'box',
    ...node,
    acceptsInput,
    startsScope: node.startsScope ?? !acceptsInput,
  } as NodeType;
}

export function outputHandles(node: NodeType, config: unknown): string[] {
  return typeof node.outputs === 'function' ? node.outputs(config as never) : [...node.outputs];
}

/** Every output an edge may leave from: the type's, and `error` for a node with an error branch. */
export function edgeSourceHandles(node: NodeType, config: unknown, onError: unknown): string[] {
  const handles = outputHandles(node, config);
  return onError === 'error-branch' && !handles.includes('error') ? [...handles, 'error'] : handles;
}

/**
 * A failure a node reports on purpose; `nonRetryable` skips the remaining attempts, and
 * `retryAfterMs` replaces the retry policy's backoff before the next one.
 */
export class NodeFailure extends Error {
  override name = 'NodeFailure';
  constructor(
    message: string,
    readonly options: { type?: string; nonRetryable?: boolean; details?: unknown; retryAfterMs?: number } = {},
  ) {
    super(message);
  }
}
