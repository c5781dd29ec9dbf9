import { Server } from '@hocuspocus/server';
import { z } from 'zod';
import { HealthEndpoint } from './extensions/health-endpoint';
import { createLogger } from '../lib/logging/logger';
import { signalReady } from '../launcher/ready-signal';

const { COLLAB_PORT: port, COLLAB_HOST: address } = z
  .object({
    COLLAB_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
    COLLAB_HOST: z.string().default('127.0.0.1'),
  })
  .parse(process.env);

// Documents are not persisted yet: the collaborative editor adds storage and auth extensions.
const server = new Server({
  name: 'floworchestrator-collab',
  port,
  address,
  quiet: true,
  stopOnSignals: true,
  extensions: [new HealthEndpoint()],
});

await server.listen();
createLogger({ service: 'collab' }).info('collab server listening', { port });
signalReady();
