import type { WorkflowDefinitionInput } from '../../definition/schema';
import { approvalTimeout } from './approval-timeout';
import { codeScoring } from './code-scoring';
import { forEachList } from './for-each-list';
import { httpBranch } from './http-branch';
import { invoiceIntake } from './invoice-intake';
import { parallelJoin } from './parallel-join';
import { sagaCompensation } from './saga-compensation';
import type { WorkflowTemplate } from './template';

export type { WorkflowTemplate } from './template';

/** The gallery, in the order it is shown: simplest first. */
export const workflowTemplates: readonly WorkflowTemplate[] = [
  httpBranch,
  parallelJoin,
  approvalTimeout,
  forEachList,
  sagaCompensation,
  codeScoring,
  invoiceIntake,
];

export function findTemplate(id: string): WorkflowTemplate | undefined {
  return workflowTemplates.find((template) => template.id === id);
}

/** A template as `GET /api/workflow-templates` and the new-workflow page show it. */
export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  nodeCount: number;
  /** The whole definition, for a preview of the graph. */
  definition: WorkflowDefinitionInput;
}

export function listTemplates(): TemplateSummary[] {
  return workflowTemplates.map(({ id, name, description, definition }) => ({
    id,
    name,
    description,
    nodeCount: definition.nodes.length,
    definition,
  }));
}
