import { signDevUserToken, type KeyMaterial } from '../../kernel/identity.js';
import { demoCallers } from './powers.js';

// Demo clues (issue 30): once the demo is loaded and the inspection results are synced, the demo supervisor runs the
// problem models over the demo year through the gateway, as a supervisor would. The demo is small (a handful of cases),
// so the fines-at-the-upper-bound model runs with a lower minimum number of decisions — the parameters used are kept
// in each clue's evidence. The rest run with their defaults (docs/supervision-models.md).

export const DEMO_SUPERVISION_PARAMETERS = [{ model: 'FINE_AT_TIER_MAXIMUM', name: 'minDecisions', value: 2 }];

export async function seedSupervisionClues(opts: { gatewayUrl: string; keys: KeyMaterial; from: string; to: string; supervisorKey?: string }): Promise<number> {
  const who = demoCallers().find((c) => c.key === (opts.supervisorKey ?? 'supervisor-ma'));
  if (!who) throw new Error('the demo has no supervisor to raise clues');
  const token = await signDevUserToken(opts.keys, { role: who.role, agencyId: who.agencyId, officerId: who.officerId }, '10m');
  const res = await fetch(opts.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `mutation($input: SupervisionRunInput!, $p: [SupervisionParameterInput!]) { runSupervisionModels(input: $input, parameters: $p) { raised { id } } }`,
      variables: { input: { from: opts.from, to: opts.to }, p: DEMO_SUPERVISION_PARAMETERS },
    }),
  });
  const body = (await res.json()) as { data?: { runSupervisionModels?: { raised: unknown[] } }; errors?: { message: string }[] };
  if (body.errors?.length || !body.data?.runSupervisionModels)
    throw new Error(`raising the demo clues failed: ${body.errors?.map((e) => e.message).join('; ') ?? res.status}`);
  return body.data.runSupervisionModels.raised.length;
}
