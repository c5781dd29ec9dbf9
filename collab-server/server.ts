import { Server } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import { z } from 'zod';
import { HealthEndpoint } from './extensions/health-endpoint';
import { DraftAuthentication } from './extensions/draft-authentication';
import { ViewerReadOnly } from './extensions/viewer-read-only';
import { PostgresDraftStore } from './extensions/postgres-draft-store';
import { MessageLimits, MAX_MESSAGE_BYTES } from './extensions/message-limits';
import { DraftEndpoint } from './extensions/draft-endpoint';
import { listenOn } from './listen';
import { createLogger } from '../lib/logging/logger';
import { startMetricsPublisher } from '../lib/metrics/process-snapshots';
import { processMetrics } from '../lib/metrics/registry';
import { signalReady } from '../lib/process/ready-signal';

const env = z
  .object({
    COLLAB_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
    COLLAB_HOST: z.string().default('127.0.0.1'),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  })
  .parse(process.env);
const redisUrl = new URL(env.REDIS_URL);

const server = new Server({
  name: 'floworchestrator-collab',
  quiet: true,
  // Drafts are stored at most this long after an edit, and at least every 10 s while edits flow.
  debounce: 1_000,
  maxDebounce: 10_000,
  extensions: [
    new HealthEndpoint(),
    new DraftEndpoint(),
    new DraftAuthentication(),
    new ViewerReadOnly(),
    new MessageLimits(),
    new PostgresDraftStore(),
    // Several collab servers can serve one document: updates and awareness go through Redis.
    new Redis({
      host: redisUrl.hostname,
      port: Number(redisUrl.port || 6379),
      options: { password: redisUrl.password || undefined, tls: redisUrl.protocol === 'rediss:' ? {} : undefined },
    }),
  ],
});
// ws reads its limit per connection from these options: a frame past it closes that connection
// before it is buffered whole.
server.webSocketServer.options.maxPayload = MAX_MESSAGE_BYTES + 1024;

await listenOn(server, env.COLLAB_HOST, env.COLLAB_PORT);
createLogger({ service: 'collab' }).info('collab server listening', { host: env.COLLAB_HOST, port: env.COLLAB_PORT });
startMetricsPublisher('collab', () => processMetrics().collabConnections.set(server.hocuspocus.getConnectionsCount()));
signalReady();
