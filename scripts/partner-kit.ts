import { parseArgs } from 'node:util';
import { registryPathFrom } from '../kernel/schema/registry-file.js';
import { formatPartnerKit, partnerKit } from '../registry/partner-kit.js';
import { loadConfig } from '../kernel/config.js';
import { loadKeyMaterial } from '../kernel/identity.js';

// npm run partner:kit -- --name NAME [--sdl PATH] [--url URL] [--json]
//   prints what a partner department needs to join (docs/partners.md): the internal-token public key as a JWK,
//   the expected iss/aud/claims, what the check probes, the gateway URL and the registry entry to propose.
//   PORT, SUBGRAPH_REGISTRY, GATEWAY_URL and <NAME>_URL are read as by the gateway and the check.
const usage = 'usage: npm run partner:kit -- --name NAME [--sdl PATH] [--url URL] [--json]';
let values;
try {
  ({ values } = parseArgs({
    options: { name: { type: 'string' }, sdl: { type: 'string' }, url: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  }));
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
if (!values.name) {
  console.error(usage);
  process.exit(2);
}
const config = loadConfig();
try {
  // verifyOnly: the kit never touches the private half (INTERNAL_TOKEN_PUBLIC_KEY, else derived from the key folder).
  const keys = await loadKeyMaterial(config.keyDir, { verifyOnly: true });
  const kit = partnerKit({ name: values.name, keys, config, registryPath: registryPathFrom(), sdlPath: values.sdl, url: values.url });
  console.log(values.json ? JSON.stringify(kit, null, 2) : formatPartnerKit(kit).join('\n'));
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
