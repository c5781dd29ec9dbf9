import { Server } from '@hocuspocus/server';
import { z } from 'zod';
import { HealthEndpoint } from './extensions/health-endpoint';
import { listenOn } from './listen';
import { createLogger } from '../lib/logging/logger';
import { signalReady } from '../launcher/ready-signal';

const { COLLAB_PORT: port, COLLAB_HOST: host } = z
  .object({
    COLLAB_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
    COLLAB_HOST: z.string().default('127.0.0.1'),
  })
  .parse(process.env);

// Documents are not persisted yet: the collaborative editor adds storage and auth extensions.
const server = new Server({
  name: 'floworchestrator-collab',
  quiet: true,
  extensions: [new HealthEndpoint()],
});

await listenOn(server, host, port);
createLogger({ service: 'collab' }).info('collab server listening', { host, port });
signalReady();
