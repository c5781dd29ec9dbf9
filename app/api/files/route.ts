import { withOrg } from '@/lib/api/handler';
import { contentTypeFrom, fileNameFrom, readFileBody, storeFile } from '@/lib/files/files';

// POST /api/files — upload a file: the raw body, its Content-Type, and its name in X-File-Name
export const POST = withOrg('file:upload', async ({ org, req }) => {
  const name = fileNameFrom(req.headers.get('x-file-name'));
  const contentType = contentTypeFrom(req.headers.get('content-type'));
  const bytes = await readFileBody(req);
  return Response.json(await storeFile(org, { name, contentType, bytes }), { status: 201 });
});
