import { z } from 'zod';
import type { NodeCategory, NodeKind, NodeType } from './define-node';
import { nodeTypes } from './registry';

/** What the canvas palette and config forms know of a node type: plain JSON, no code. */
export interface PaletteNode {
  type: string;
  version: number;
  kind: NodeKind;
  category: NodeCategory;
  label: string;
  description: string;
  icon: string;
  acceptsInput: boolean;
  /** `dynamic` when the handles come from the config (a switch's cases). */
  outputs: string[] | 'dynamic';
  configSchema: z.core.JSONSchema.BaseSchema;
  inputSchema?: z.core.JSONSchema.BaseSchema;
  outputSchema: z.core.JSONSchema.BaseSchema;
}

// `input`: forms edit what the user types, before defaults and transforms. Unrepresentable
// parts (refinements' code, transforms) become `{}` rather than failing the whole palette.
// The JSON round trip leaves plain objects only: the editor page hands these to client components.
const toJsonSchema = (schema: z.ZodType): z.core.JSONSchema.BaseSchema =>
  JSON.parse(JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })));

export function toPaletteNode(node: NodeType): PaletteNode {
  return {
    type: node.type,
    version: node.version,
    kind: node.kind,
    category: node.category,
    label: node.label,
    description: node.description,
    icon: node.icon,
    acceptsInput: node.acceptsInput,
    outputs: typeof node.outputs === 'function' ? 'dynamic' : [...node.outputs],
    configSchema: toJsonSchema(node.config),
    ...(node.input ? { inputSchema: toJsonSchema(node.input) } : {}),
    outputSchema: toJsonSchema(node.output),
  };
}

let palette: readonly PaletteNode[] | undefined;

/**
 * Every registered node type as the palette shows it. The registry is fixed for the life of the
 * process, so the JSON Schemas (about 10 ms of zod conversion) are made once, on first use.
 */
export function listPaletteNodes(): readonly PaletteNode[] {
  palette ??= Object.freeze(nodeTypes.map(toPaletteNode));
  return palette;
}
