// Node types with side effects: they run as Temporal activities in the worker, never in the
// workflow sandbox, and may use Node APIs. A new activity node is one file in nodes/ and one
// line in the list below.
import type { NodeType } from './define-node';
import { httpRequest } from './nodes/http-request';
import { code } from './nodes/code';
import { postgresQuery } from './nodes/postgres-query';
import { postgresInsert } from './nodes/postgres-insert';
import { postgresUpdate } from './nodes/postgres-update';
import { postgresUpsert } from './nodes/postgres-upsert';
import { slackPostMessage } from './nodes/slack-post-message';
import { emailSend } from './nodes/email-send';
import { aiLlm } from './nodes/ai-llm';
import { ocrTextract } from './nodes/ocr-textract';
import { eventEmit } from './nodes/event-emit';

export const activityNodeTypes: NodeType[] = [
  httpRequest,
  code,
  postgresQuery,
  postgresInsert,
  postgresUpdate,
  postgresUpsert,
  slackPostMessage,
  emailSend,
  aiLlm,
  ocrTextract,
  eventEmit,
];
