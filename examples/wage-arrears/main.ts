import { SUBGRAPH_NAME, startWageArrears } from './server.js';

// npm run start:wage-arrears — the yoga example partner alone. Configuration only, from `npm run partner:kit`:
//   INTERNAL_TOKEN_PUBLIC_KEY  the gateway's internal-token public key (Ed25519 JWK, JSON)   required
//   WAGE_ARREARS_PORT          default 4021
//   SUBGRAPH_NAME              the registered name (the token audience is sanxiang:<name>), default wage-arrears
const jwk = process.env.INTERNAL_TOKEN_PUBLIC_KEY;
if (!jwk) {
  console.error('缺少 INTERNAL_TOKEN_PUBLIC_KEY：向网关运维索取，或在项目目录运行 npm run partner:kit -- --name wage-arrears');
  process.exit(1);
}
const partner = await startWageArrears({
  publicJwk: JSON.parse(jwk) as never,
  subgraphName: process.env.SUBGRAPH_NAME || SUBGRAPH_NAME,
  port: Number(process.env.WAGE_ARREARS_PORT || 4021),
});
console.log(JSON.stringify({ msg: `${SUBGRAPH_NAME} subgraph listening`, url: partner.url }));
const stop = () => void partner.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
