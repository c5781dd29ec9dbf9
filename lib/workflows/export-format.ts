import { z } from 'zod';
import { workflowDescription, workflowName } from './schemas';

export const WORKFLOW_EXPORT_FORMAT = 'floworchestrator.workflow';
export const WORKFLOW_EXPORT_FORMAT_VERSION = 1;

/** The file `GET /api/workflows/:id/export` writes and `POST /api/workflows/import` reads. */
export const workflowExportFile = z.object({
  format: z.literal(WORKFLOW_EXPORT_FORMAT, {
    error: `Expected "${WORKFLOW_EXPORT_FORMAT}": this is not a FlowOrchestrator workflow export`,
  }),
  formatVersion: z.literal(WORKFLOW_EXPORT_FORMAT_VERSION, {
    error: (issue) =>
      issue.input === undefined
        ? 'Missing: an export names its formatVersion'
        : `${JSON.stringify(issue.input)} is not supported: this server reads formatVersion ${WORKFLOW_EXPORT_FORMAT_VERSION}`,
  }),
  name: workflowName,
  description: workflowDescription.default(''),
  // Checked by validateDefinition on import, which reports every problem at once.
  definition: z.unknown().refine((value) => value !== undefined, 'An export carries the definition to import'),
});

export type WorkflowExportFile = z.output<typeof workflowExportFile>;

/** A file name safe in any OS and in a Content-Disposition header: `invoice-approval.json`. */
export function exportFilename(workflowName: string): string {
  const slug = workflowName
    .normalize('NFKD')
    // Drop the accents NFKD split off, so "Ünïcode" becomes "unicode" rather than "u-ni-code".
    .replace(/\p{Mark}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'workflow'}.json`;
}
