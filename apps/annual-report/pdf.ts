import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

// PDF rendering in headless Chromium (playwright-core, the system browser; nothing downloaded), bounded per
// process (issue 29): one browser, started on first use and reused (closed after PDF_BROWSER_IDLE_MS without a
// render), and one render at a time. Up to PDF_QUEUE_MAX requests wait their turn; beyond that a request is
// refused at once (RATE_LIMITED, HTTP 429 with Retry-After) instead of starting another Chromium — six
// concurrent PDFs used to start six browsers (55 processes, ~5.8 GB).

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Thrown when the queue is full or Chromium is missing; `code` is the refusal's `extensions.code`. */
export class PdfUnavailable extends Error {
  constructor(
    message: string,
    readonly code: 'RATE_LIMITED' | 'UPSTREAM_UNAVAILABLE',
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

function intFrom(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
}

export interface PdfRendererOptions {
  /** Requests that may wait while one renders (default PDF_QUEUE_MAX, else 4). */
  queueMax?: number;
  /** Close the browser after this long without a render (default PDF_BROWSER_IDLE_MS, else 60 s). */
  idleMs?: number;
}

export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private busy = false; // a render is running
  private idle: NodeJS.Timeout | null = null;
  /** Browsers started so far (one unless it crashed or sat idle). */
  launches = 0;
  readonly queueMax: number;
  readonly idleMs: number;

  constructor(opts: PdfRendererOptions = {}) {
    this.queueMax = opts.queueMax ?? intFrom(process.env.PDF_QUEUE_MAX, 4);
    this.idleMs = opts.idleMs ?? intFrom(process.env.PDF_BROWSER_IDLE_MS, 60_000);
  }

  /** Renders `html` (self-contained: nothing is fetched) to an A4 PDF, after the renders queued before it. */
  render(html: string): Promise<Buffer> {
    if (this.waiting + (this.busy ? 1 : 0) >= this.queueMax + 1) {
      return Promise.reject(
        new PdfUnavailable(`PDF 生成繁忙（每个进程同时只生成一份，另有 ${this.waiting} 份在排队），请稍后重试或改取 .html / .csv`, 'RATE_LIMITED', 5),
      );
    }
    this.waiting++;
    const run = this.tail.then(async () => {
      this.waiting--;
      this.busy = true;
      if (this.idle) clearTimeout(this.idle);
      try {
        return await this.renderNow(html);
      } finally {
        this.busy = false;
        if (this.waiting === 0) this.scheduleIdleClose();
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async renderNow(html: string): Promise<Buffer> {
    const browser = await this.open();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      // Nothing may be fetched from anywhere: the page is self-contained.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  private async open(): Promise<Browser> {
    if (this.browser) {
      const b = await this.browser.catch(() => null);
      if (b?.isConnected()) return b;
      this.browser = null;
    }
    if (!existsSync(CHROMIUM)) {
      throw new PdfUnavailable(
        `无法生成 PDF：未找到 Chromium（${CHROMIUM}；bash scripts/ensure-browser.sh 可安装），可改取 .html 或 .csv`,
        'UPSTREAM_UNAVAILABLE',
      );
    }
    const { chromium } = await import('playwright-core');
    this.launches++;
    this.browser = chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    return this.browser;
  }

  private scheduleIdleClose() {
    if (!this.browser) return;
    this.idle = setTimeout(() => void this.close(), this.idleMs);
    this.idle.unref();
  }

  /** Closes the browser (the next render starts one again). */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  }
}

/** The process's one renderer (the gateway's /reports route and `npm run report`). */
export const pdfRenderer = new PdfRenderer();
