import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { currentUser, requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { collabConnection } from '@/lib/collab/collab-connection';
import { listPaletteNodes } from '@/lib/connectors/palette';
import { listCredentials } from '@/lib/vault/credentials';
import { storedDraftState } from '@/lib/collab/stored-draft';
import { WorkflowEditor } from '@/components/editor/workflow-editor';
import { colorFor } from '@/components/editor/presence-color';
import { CANVAS_SIZE_COOKIE, parseCanvasSize } from '@/components/editor/canvas-size';

export const metadata: Metadata = { title: 'Editor' };

export default async function WorkflowEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const org = await requireOrg();
  const draftState = await storedDraftState(org.orgId, id);
  if (draftState === undefined) notFound();
  const [user, collab, credentials, cookieStore] = await Promise.all([
    currentUser(),
    collabConnection(org, id, await headers()),
    listCredentials(org.orgId),
    cookies(),
  ]);
  const name = user?.name || user?.email || 'Someone';
  return (
    <WorkflowEditor
      workflowId={id}
      collab={{
        url: collab.url,
        document: collab.document,
        token: collab.token,
        tokenExpiresAt: collab.tokenExpiresAt,
        readOnly: collab.readOnly,
      }}
      storedDraft={draftState ? Buffer.from(draftState).toString('base64') : undefined}
      palette={listPaletteNodes()}
      credentials={credentials.map(({ id: credentialId, name: credentialName, type }) => ({
        id: credentialId,
        name: credentialName,
        type,
      }))}
      me={{ name, color: colorFor(org.userId) }}
      canvasSize={parseCanvasSize(cookieStore.get(CANVAS_SIZE_COOKIE)?.value)}
      canPublish={isAllowed(org.role, 'workflow:publish')}
      canRun={isAllowed(org.role, 'run:start')}
    />
  );
}
