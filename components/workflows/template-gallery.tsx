import { WorkflowGraphPreview, type PreviewGraph } from './workflow-graph-preview';

export interface TemplateCard {
  id: string;
  name: string;
  description: string;
  nodeCount: number;
  definition: PreviewGraph;
}

/**
 * The templates as cards. Each card is a submit button of the enclosing form: choosing one sends
 * its id as `templateId` along with whatever else the form holds (the name, the description).
 */
export function TemplateGallery({ templates, disabled }: { templates: TemplateCard[]; disabled?: boolean }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {templates.map((template) => (
        <li key={template.id}>
          <button
            type="submit"
            name="templateId"
            value={template.id}
            disabled={disabled}
            aria-label={`Start from ${template.name}`}
            aria-describedby={`template-${template.id}-description`}
            className="flex h-full w-full flex-col overflow-hidden rounded-lg border border-border bg-surface text-left transition-colors hover:border-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-50"
          >
            <WorkflowGraphPreview
              graph={template.definition}
              className="h-28 w-full border-b border-border bg-background p-3"
            />
            <span className="flex flex-1 flex-col gap-1 p-4">
              <span className="flex items-baseline justify-between gap-2">
                <span className="text-sm font-semibold">{template.name}</span>
                <span className="shrink-0 text-xs text-muted-foreground">{template.nodeCount} nodes</span>
              </span>
              <span id={`template-${template.id}-description`} className="text-sm text-muted-foreground">
                {template.description}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
