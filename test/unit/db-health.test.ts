import { describe, expect, it } from 'vitest';
import { hostsInOrder, markDown, resetHostStates, unhealthyReason } from '../../kernel/db-health.js';

// Issue 27: which nodes a pool may use (pure rules; the probing itself is in test/subgraph/hung-node.test.ts and the
// cluster suite's hung-node scenario).

describe('unhealthyReason (a node status → why not to use it)', () => {
  it('a server without Galera (wsrep_on OFF: wsrep_ready is OFF there too) is fine', () => {
    expect(unhealthyReason({ wsrep_on: 'OFF', wsrep_ready: 'OFF', wsrep_cluster_status: 'Disconnected' })).toBeUndefined();
    expect(unhealthyReason({})).toBeUndefined();
  });
  it('a Galera node that is not ready is down', () => {
    expect(unhealthyReason({ wsrep_on: 'ON', wsrep_ready: 'OFF', wsrep_cluster_status: 'Primary' })).toBe('wsrep_ready=OFF');
  });
  it('a Galera node outside the primary component (quorum lost) is down', () => {
    expect(unhealthyReason({ wsrep_on: 'ON', wsrep_ready: 'ON', wsrep_cluster_status: 'non-Primary' })).toMatch(/non-Primary/);
    expect(unhealthyReason({ wsrep_on: 'ON', wsrep_ready: 'ON', wsrep_cluster_status: 'Disconnected' })).toMatch(/Disconnected/);
  });
  it('a ready node of the primary component is fine', () => {
    expect(unhealthyReason({ wsrep_on: 'ON', wsrep_ready: 'ON', wsrep_cluster_status: 'Primary' })).toBeUndefined();
  });
});

describe('hostsInOrder', () => {
  const hosts = [1, 2, 3].map((i) => ({ host: `node${i}.test`, port: 3306 }));
  it('rotates by the pool offset, so pools spread over the nodes', () => {
    resetHostStates();
    expect(hostsInOrder(hosts, 0).map((h) => h.host)).toEqual(['node1.test', 'node2.test', 'node3.test']);
    expect(hostsInOrder(hosts, 1).map((h) => h.host)).toEqual(['node2.test', 'node3.test', 'node1.test']);
    expect(hostsInOrder(hosts, 5).map((h) => h.host)).toEqual(['node3.test', 'node1.test', 'node2.test']);
  });
  it('puts a node that failed last, whatever the offset', () => {
    resetHostStates();
    markDown(hosts[1]!);
    expect(hostsInOrder(hosts, 1).map((h) => h.host)).toEqual(['node3.test', 'node1.test', 'node2.test']);
    expect(hostsInOrder(hosts, 0).map((h) => h.host)).toEqual(['node1.test', 'node3.test', 'node2.test']);
    resetHostStates();
  });
});
