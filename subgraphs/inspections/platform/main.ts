import { startPlatformStandIn } from './server.js';

// npm run start:platform — the stand-in random-inspection platform on PLATFORM_PORT (default 4010).
const port = Number(process.env.PLATFORM_PORT || 4010);
const platform = await startPlatformStandIn({ port, host: process.env.PLATFORM_HOST || '127.0.0.1' });
console.log(`inspection platform stand-in on ${platform.url}/api/v1 (knobs: GET/POST ${platform.url}/admin/knobs)`);
const stop = () => void platform.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
