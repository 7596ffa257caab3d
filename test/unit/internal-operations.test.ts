import { describe, expect, it } from 'vitest';
import { loadKeyMaterial } from '../../kernel/identity.js';
import { createSubgraphClient } from '../../kernel/subgraph-client.js';

// Subgraph-to-subgraph operations carry a name (issue 29, point 6): the called subgraph's metrics, logs and spans
// name them, instead of counting them all as `__anonymous`.

describe('internal operations', () => {
  it('are refused unnamed before anything is sent; a named one is sent (and here finds nobody listening)', async () => {
    const keys = await loadKeyMaterial(process.env.SANXIANG_KEY_DIR!);
    const client = createSubgraphClient({ name: 'powers', service: 'cases', url: () => 'http://127.0.0.1:9/graphql', keys, timeoutMs: 5000 });
    await expect(client.query('{ agencies { id } }')).rejects.toThrow(/internal operations are named/);
    await expect(client.query('query($id: ID!) { agency(id: $id) { id } }', { id: 'x' })).rejects.toThrow(/internal operations are named/);
    await expect(client.query('mutation { __typename }')).rejects.toThrow(/internal operations are named/);
    await expect(client.query('query NamedProbe { agencies { id } }')).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
  });
});
