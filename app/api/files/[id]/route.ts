import { withOrg } from '@/lib/api/handler';
import { notFound } from '@/lib/api/errors';
import { FileNotFound, readStoredFile } from '@/lib/files/files';

// GET /api/files/:id — download a file of the org, with its content type and name
export const GET = withOrg<{ id: string }>('file:read', async ({ org, params }) => {
  const file = await readStoredFile(org.orgId, params.id).catch((error: unknown) => {
    throw error instanceof FileNotFound ? notFound('File') : error;
  });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.size),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'x-content-type-options': 'nosniff',
    },
  });
});
