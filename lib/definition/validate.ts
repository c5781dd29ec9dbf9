import { findNodeType, knownVersions } from '../connectors/registry';
import { edgeSourceHandles, type NodeType } from '../connectors/define-node';
import { containsExpression, expressionSyntaxError, findExpressions } from './expressions';
import { workflowDefinitionSchema, type DefinitionNode, type WorkflowDefinition } from './schema';
import { edgeId, loopBackEdges } from './graph';

export interface DefinitionProblem {
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Where in the definition (or in the node's config) the problem is. */
  path?: string;
}

export type ValidationResult =
  { ok: true; definition: WorkflowDefinition } | { ok: false; problems: DefinitionProblem[] };

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Config problems, except where the value is an expression: only its result can be checked, at run time. */
function configProblems(node: DefinitionNode, nodeType: NodeType): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const { path, expression } of findExpressions(node.config)) {
    const syntax = expressionSyntaxError(expression);
    if (syntax) {
      problems.push({
        code: 'invalid_expression',
        nodeId: node.id,
        path: `config.${path}`,
        message: `Node "${node.id}", config.${path}: {{ ${expression} }} does not parse: ${syntax}`,
      });
    }
  }
  for (const field of nodeType.programFields ?? []) {
    const program = valueAt(node.config, [field]);
    if (typeof program !== 'string' || containsExpression(program)) continue;
    const syntax = expressionSyntaxError(program);
    if (syntax) {
      problems.push({
        code: 'invalid_expression',
        nodeId: node.id,
        path: `config.${field}`,
        message: `Node "${node.id}", config.${field}: the JSONata program does not parse: ${syntax}`,
      });
    }
  }
  const parsed = nodeType.config.safeParse(node.config);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path.some((_, i) => containsExpression(valueAt(node.config, issue.path.slice(0, i + 1))))) continue;
      const path = ['config', ...issue.path].join('.');
      problems.push({
        code: 'invalid_config',
        nodeId: node.id,
        path,
        message: `Node "${node.id}", ${path}: ${issue.message}`,
      });
    }
  }
  return problems;
}

/** Every problem in a definition at once, each naming the node or edge and the path at fault. */
export function validateDefinition(input: unknown): ValidationResult {
  const parsed = workflowDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.join('.');
        const nodeIndex = issue.path[0] === 'nodes' ? Number(issue.path[1]) : NaN;
        const nodeId = Number.isInteger(nodeIndex) ? valueAt(input, ['nodes', nodeIndex, 'id']) : undefined;
        return {
          code: 'invalid_shape',
          path,
          ...(typeof nodeId === 'string' ? { nodeId } : {}),
          message: `${path || 'definition'}: ${issue.message}`,
        };
      }),
    };
  }
  const definition = parsed.data;
  const problems: DefinitionProblem[] = [];
  const nodes = new Map<string, DefinitionNode>();
  const types = new Map<string, NodeType>();

  for (const node of definition.nodes) {
    if (nodes.has(node.id)) {
      problems.push({ code: 'duplicate_node', nodeId: node.id, message: `Node id "${node.id}" is used twice` });
      continue;
    }
    nodes.set(node.id, node);
    const nodeType = findNodeType(node.type, node.typeVersion);
    if (!nodeType) {
      const versions = knownVersions(node.type);
      problems.push({
        code: 'unknown_node_type',
        nodeId: node.id,
        path: versions.length ? 'typeVersion' : 'type',
        message: versions.length
          ? `Node "${node.id}": ${node.type} has no version ${node.typeVersion} (known: ${versions.join(', ')})`
          : `Node "${node.id}": unknown node type "${node.type}"`,
      });
      continue;
    }
    types.set(node.id, nodeType);
    problems.push(...configProblems(node, nodeType));
    const compensation = node.settings.compensation;
    if (compensation && !definition.nodes.some((other) => other.id === compensation)) {
      problems.push({
        code: 'unknown_compensation',
        nodeId: node.id,
        path: 'settings.compensation',
        message: `Node "${node.id}": compensation node "${compensation}" does not exist`,
      });
    }
  }

  const seenEdges = new Set<string>();
  for (const edge of definition.edges) {
    const id = edgeId(edge);
    if (seenEdges.has(id)) problems.push({ code: 'duplicate_edge', edgeId: id, message: `Edge "${id}" appears twice` });
    seenEdges.add(id);
    for (const end of ['source', 'target'] as const) {
      if (!nodes.has(edge[end])) {
        problems.push({
          code: 'dangling_edge',
          edgeId: id,
          path: end,
          message: `Edge "${id}": ${end} node "${edge[end]}" does not exist`,
        });
      }
    }
    const sourceType = types.get(edge.source);
    const source = nodes.get(edge.source);
    if (sourceType && source) {
      const parsedConfig = sourceType.config.safeParse(source.config);
      const dynamic = typeof sourceType.outputs === 'function';
      if (!dynamic || parsedConfig.success) {
        const config = parsedConfig.success ? parsedConfig.data : {};
        const handles = edgeSourceHandles(sourceType, config, source.settings.onError);
        if (!handles.includes(edge.sourceHandle)) {
          problems.push({
            code: 'unknown_handle',
            edgeId: id,
            nodeId: edge.source,
            path: 'sourceHandle',
            message: `Edge "${id}": node "${edge.source}" has no output "${edge.sourceHandle}" (it has: ${handles.join(', ') || 'none'})`,
          });
        }
      }
    }
    const targetType = types.get(edge.target);
    if (targetType && !targetType.acceptsInput) {
      problems.push({
        code: 'input_not_accepted',
        edgeId: id,
        nodeId: edge.target,
        message: `Edge "${id}": node "${edge.target}" (${targetType.label}) takes no incoming edges`,
      });
    }
  }

  const triggers = definition.nodes.filter((node) => types.get(node.id)?.category === 'trigger');
  if (triggers.length === 0) {
    problems.push({ code: 'no_trigger', path: 'nodes', message: 'The workflow has no trigger node to start from' });
  }
  // Graph checks run on the edges whose ends exist, so a dangling edge hides no other problem.
  const connected = definition.edges.filter((edge) => nodes.has(edge.source) && nodes.has(edge.target));
  problems.push(...graphProblems({ ...definition, edges: connected }, triggers));
  return problems.length ? { ok: false, problems } : { ok: true, definition };
}

function graphProblems(definition: WorkflowDefinition, triggers: DefinitionNode[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const loopBacks = loopBackEdges(definition);
  const forward = new Map<string, string[]>();
  for (const edge of definition.edges) {
    if (loopBacks.has(edgeId(edge))) continue;
    forward.set(edge.source, [...(forward.get(edge.source) ?? []), edge.target]);
  }
  // Cycles that do not return through a loop node would run forever.
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, trail: string[]) => {
    state.set(id, 'visiting');
    for (const next of forward.get(id) ?? []) {
      if (state.get(next) === 'visiting') {
        const cycle = [...trail.slice(trail.indexOf(next)), id, next];
        if (!reported.has(next)) {
          reported.add(next);
          problems.push({
            code: 'cycle',
            nodeId: next,
            message: `Cycle ${cycle.join(' → ')}: only a For each node may loop back`,
          });
        }
      } else if (!state.has(next)) visit(next, [...trail, id]);
    }
    state.set(id, 'done');
  };
  for (const node of definition.nodes) if (!state.has(node.id)) visit(node.id, []);

  const reachable = new Set<string>();
  const stack = triggers.map((node) => node.id);
  while (stack.length) {
    const id = stack.pop()!;
    if (reachable.has(id)) continue;
    reachable.add(id);
    stack.push(...(forward.get(id) ?? []));
  }
  const compensations = new Set(definition.nodes.map((node) => node.settings.compensation).filter(Boolean));
  for (const node of definition.nodes) {
    if (reachable.has(node.id) || compensations.has(node.id) || triggers.length === 0) continue;
    problems.push({
      code: 'unreachable_node',
      nodeId: node.id,
      message: `Node "${node.id}" cannot be reached from a trigger`,
    });
  }
  return problems;
}
