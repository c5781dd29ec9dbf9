import { withOrg } from '@/lib/api/handler';
import { listPaletteNodes } from '@/lib/connectors/palette';

// GET /api/nodes — every node type's palette metadata, with config and output as JSON Schema
export const GET = withOrg('node:read', async () => Response.json({ items: listPaletteNodes() }));
