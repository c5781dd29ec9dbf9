// Node types with side effects: they run as Temporal activities in the worker, never in the
// workflow sandbox, and may use Node APIs. A new activity node is one file in nodes/ and one
// line in the list below.
import type { NodeType } from './define-node';
import { httpRequest } from './nodes/http-request';
import { code } from './nodes/code';

export const activityNodeTypes: NodeType[] = [httpRequest, code];
