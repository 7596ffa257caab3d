import { afterAll, describe, expect, it } from 'vitest';
import { PdfRenderer, PdfUnavailable } from '../../apps/annual-report/pdf.js';

// One PDF render at a time per process, with one browser reused (issue 29): six concurrent annual-report PDFs
// used to start six Chromium browsers (55 processes, ~5.8 GB). The real system Chromium renders here.

const renderer = new PdfRenderer({ queueMax: 2, idleMs: 60_000 });
afterAll(() => renderer.close());

const page = (n: number) => `<!doctype html><html><body><h1>第 ${n} 页</h1></body></html>`;

describe('PDF rendering', () => {
  it('renders one at a time with one browser; beyond the queue it refuses at once (RATE_LIMITED, retry later)', async () => {
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => renderer.render(page(i))));
    const done = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<Buffer>).value);
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as PdfUnavailable);
    expect(done).toHaveLength(3); // one rendering, two waiting
    for (const pdf of done) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      expect(r).toBeInstanceOf(PdfUnavailable);
      expect(r.code).toBe('RATE_LIMITED');
      expect(r.retryAfterSeconds).toBeGreaterThan(0);
    }
    // The browser is reused by later renders.
    expect((await renderer.render(page(7))).subarray(0, 5).toString()).toBe('%PDF-');
    expect(renderer.launches).toBe(1);
  }, 120_000);

  it('starts a browser again after close (the idle timeout closes it the same way)', async () => {
    await renderer.close();
    expect((await renderer.render(page(8))).subarray(0, 5).toString()).toBe('%PDF-');
    expect(renderer.launches).toBe(2);
  }, 60_000);
});
