import { orgDb } from '../db/tenant';
import { Prisma } from '../db/generated/client';
import { ApiError, notFound } from '../api/errors';
import type { OrgContext } from '../auth/current-org';
import { validateDefinition } from '../definition/validate';
import type { WorkflowDefinition } from '../definition/schema';
import { definitionChecksum } from './definition-checksum';
import { placeUnpositionedNodes } from './place-nodes';
import { versionRef } from './schemas';
import { getWorkflow } from './workflows';
import { recordAudit } from '../audit/record';
import { ensureWebhookEndpoint } from '../webhooks/endpoints';
import { keepScheduleInStep } from '../schedules/schedules';
import { keepEventSubscriptionsInStep } from '../events-bus/subscriptions';

// Each failed attempt means another publish got in first, so this many concurrent publishes always succeed.
const MAX_PUBLISH_ATTEMPTS = 10;

export interface PublishedVersion {
  version: number;
  checksum: string;
  publishedAt: Date;
}

export interface VersionSummary extends PublishedVersion {
  message: string;
  publishedById: string | null;
  /** The publisher's name (or email), null once they have been deleted. */
  publishedBy: string | null;
}

export interface VersionDetail extends VersionSummary {
  definition: WorkflowDefinition;
}

export interface PublishableDefinition {
  /** Validated, with every default filled in: what runs is exactly what was stored. */
  definition: WorkflowDefinition;
  checksum: string;
}

/**
 * The definition as it will be stored (or run, for a draft), or a 422 whose details list every
 * problem at once, its message starting with `refusal`.
 */
export function requireValidDefinition(
  input: unknown,
  refusal = 'The definition cannot be published',
): PublishableDefinition {
  const result = validateDefinition(input);
  if (!result.ok) {
    const { problems } = result;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more, see details)` : '';
    const message = `${refusal}: ${problems[0].message}${more}`;
    throw new ApiError(422, 'invalid_definition', message, problems);
  }
  return { definition: result.definition, checksum: definitionChecksum(result.definition) };
}

/**
 * A definition sent to be stored as a version (a publish, an import): laid out when it places no
 * node, then as `requireValidDefinition` has it.
 */
export async function requireStorableDefinition(input: unknown): Promise<PublishableDefinition> {
  return requireValidDefinition(await placeUnpositionedNodes(input));
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/**
 * Publishes a new immutable version, numbered one past the latest. An unchanged definition still
 * gets a new version: publishing is an explicit act, and its checksum shows it matches the last.
 */
export async function publishVersion(
  org: OrgContext,
  workflowId: string,
  definitionInput: unknown,
  message = '',
): Promise<PublishedVersion> {
  await getWorkflow(org, workflowId);
  const { definition, checksum } = await requireStorableDefinition(definitionInput);
  const prisma = orgDb(org.orgId);
  for (let attempt = 1; attempt <= MAX_PUBLISH_ATTEMPTS; attempt++) {
    const latest = await prisma.workflowVersion.findFirst({
      where: { workflowId },
      orderBy: { version: 'desc' },
      select: { version: true },
    });
    try {
      const published = await prisma.workflowVersion.create({
        data: {
          orgId: org.orgId,
          workflowId,
          version: (latest?.version ?? 0) + 1,
          definition: definition as Prisma.InputJsonObject,
          checksum,
          message,
          publishedById: org.userId,
        },
        select: { version: true, checksum: true, publishedAt: true },
      });
      await recordAudit(org, {
        action: 'workflow.publish',
        targetType: 'workflow',
        targetId: workflowId,
        data: { version: published.version, checksum },
      });
      await ensureWebhookEndpoint(org.orgId, workflowId, definition);
      await keepScheduleInStep(org.orgId, workflowId, published.version, definition);
      await keepEventSubscriptionsInStep(org.orgId, workflowId, published.version, definition);
      return published;
    } catch (error) {
      // A concurrent publish took this number between our read and our insert: read again.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new ApiError(409, 'publish_conflict', 'Too many publishes of this workflow at once; try again');
}

const summaryFields = { version: true, checksum: true, message: true, publishedAt: true, publishedById: true } as const;

/** Who published each version, by name or email, looked up in one query. */
async function withPublishers<T extends { publishedById: string | null }>(
  org: OrgContext,
  rows: T[],
): Promise<(T & { publishedBy: string | null })[]> {
  const ids = [...new Set(rows.flatMap((row) => (row.publishedById ? [row.publishedById] : [])))];
  const users = ids.length
    ? await orgDb(org.orgId).user.findMany({
        where: { id: { in: ids } },
        select: { id: true, name: true, email: true },
      })
    : [];
  const names = new Map(users.map((user) => [user.id, user.name || user.email]));
  return rows.map((row) => ({ ...row, publishedBy: (row.publishedById && names.get(row.publishedById)) || null }));
}

/** Newest first, without definitions (they can be large). */
export async function listVersions(org: OrgContext, workflowId: string): Promise<VersionSummary[]> {
  await getWorkflow(org, workflowId);
  const rows = await orgDb(org.orgId).workflowVersion.findMany({
    where: { orgId: org.orgId, workflowId },
    orderBy: { version: 'desc' },
    select: summaryFields,
  });
  return withPublishers(org, rows);
}

/** `ref` is the URL segment: a version number or `latest`. */
export async function getVersion(org: OrgContext, workflowId: string, ref: string): Promise<VersionDetail> {
  await getWorkflow(org, workflowId);
  const parsed = versionRef.safeParse(ref);
  const row = parsed.success
    ? await orgDb(org.orgId).workflowVersion.findFirst({
        where: { orgId: org.orgId, workflowId, ...(parsed.data === 'latest' ? {} : { version: parsed.data }) },
        orderBy: { version: 'desc' },
        select: { ...summaryFields, definition: true },
      })
    : null;
  if (!row) {
    throw parsed.data === 'latest'
      ? new ApiError(409, 'not_published', `Workflow "${workflowId}" has no published version yet`)
      : notFound(`Version "${ref}" of workflow "${workflowId}"`);
  }
  const [withPublisher] = await withPublishers(org, [row]);
  // Stored only after validation, so it has the definition's shape.
  return { ...withPublisher, definition: row.definition as unknown as WorkflowDefinition };
}
