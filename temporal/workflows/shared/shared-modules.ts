// What every run evaluates alike and none changes: zod, JSONata and the schemas of every pure and
// control node type. The worker evaluates this module once per workflow thread and every run
// shares it (Temporal's `preloadModules`, temporal/workflow-bundle-options.ts); otherwise each
// run evaluates it afresh, since Temporal gives each workflow its own module cache. Temporal
// freezes what shared modules export, so nothing here may keep state a run changes.
import { workflowNodeTypes } from '../../../lib/connectors/workflow-nodes';
import '../../../lib/definition/graph';
import '../../../lib/runs/run-contract';
import { readyForFreeze } from './ready-for-freeze';

readyForFreeze(workflowNodeTypes);
