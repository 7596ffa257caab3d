// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch mysql2 before anything loads it.
import { asService } from '../kernel/tracing.js';
import { startGateway } from '../gateway/server.js';
import { applicationRoutes } from '../apps/index.js';
import { openCasesDb, startCases } from '../subgraphs/cases/service.js';
import { isCasesSeeded, pinDemoClock, seedCases, isReviewsSeeded, seedReviews, isSeeded, seedPowers, seedSupervisionClues } from '../data/loader/index.js';
import { startPlatformStandIn } from '../subgraphs/inspections/platform/server.js';
import { openInspectionsDb, platformUrlFromEnv, startInspections, syncIntervalFromEnv } from '../subgraphs/inspections/service.js';
import { openPowersDb, startPowers } from '../subgraphs/powers/service.js';
import { openReviewsDb, startReviews } from '../subgraphs/reviews/service.js';
import { loadConfigOrExit } from '../kernel/config.js';
import { createLogger, quietStartup } from '../kernel/logger.js';
import { runService } from '../kernel/run.js';
import type { RunningService } from '../kernel/server.js';

// npm start: databases, migrations, demo data when empty, every subgraph, then the gateway — one process for a demo machine.
await runService(
  'sanxiang',
  async ({ config, keys, log }) => {
    // Quiet until the banner: startup and seeding log their info lines at debug (warnings and errors show).
    quietStartup(true);
    const seeded: string[] = [];
    const powersDb = await asService('powers', () => openPowersDb(config));
    if (!(await asService('powers', () => isSeeded(powersDb)))) {
      log.info(await asService('powers', () => seedPowers(powersDb)), 'seeded powers demo data');
      seeded.push('powers');
    }
    const powers = await asService('powers', () => startPowers({ config, db: powersDb, keys, log: createLogger('powers', config.logLevel) }));
    const casesDb = await asService('cases', () => openCasesDb(config));
    const freshCases = !(await asService('cases', () => isCasesSeeded(casesDb)));
    const cases = await asService('cases', () => startCases({ config, db: casesDb, keys, log: createLogger('cases', config.logLevel) }));
    const reviewsDb = await asService('reviews', () => openReviewsDb(config));
    const reviewsWereEmpty = !(await asService('reviews', () => isReviewsSeeded(reviewsDb)));
    // Demo cases go through the real workflow, which asks the running powers subgraph (R2, R5, R9, R18); one of
    // them goes through legal review to its decision, its review rows in the reviews database.
    if (freshCases) {
      try {
        const result = await asService('cases', () => seedCases({ config, keys, db: casesDb, reviewsDb, powersUrl: powers.url }));
        log.info({ cases: result.cases.length }, 'seeded cases demo data');
        seeded.push(`${result.cases.length} demo cases`);
      } catch (err) {
        log.error({ err }, 'seeding demo cases failed; rebuild with `npm run seed -- --reset`');
      }
    }
    const reviews = await asService('reviews', () => startReviews({ config, db: reviewsDb, keys, log: createLogger('reviews', config.logLevel) }));
    if (freshCases && reviewsWereEmpty) {
      try {
        log.info(
          await asService('reviews', () => seedReviews({ db: reviewsDb, keys, casesUrl: cases.url, powersUrl: powers.url, clock: config.clock })),
          'submitted the demo case for legal review',
        );
        seeded.push('a legal review');
      } catch (err) {
        log.error({ err }, 'seeding the demo review failed');
      }
    }
    // Without PLATFORM_URL the demo runs against the stand-in random-inspection platform (PLATFORM_PORT, default PORT+10).
    const givenPlatformUrl = platformUrlFromEnv();
    const standIn = givenPlatformUrl
      ? null
      : await asService('platform', () => startPlatformStandIn({ port: Number(process.env.PLATFORM_PORT || config.port + 10) }));
    const platform: RunningService | null = standIn && { name: 'platform', url: standIn.url, port: Number(new URL(standIn.url).port), close: standIn.close };
    const platformUrl = givenPlatformUrl ?? standIn!.url;
    const inspections = await asService('inspections', async () =>
      startInspections({
        config,
        db: await openInspectionsDb(config),
        keys,
        log: createLogger('inspections', config.logLevel),
        platformUrl: () => platformUrl,
        powersUrl: () => powers.url,
        syncIntervalMs: syncIntervalFromEnv(),
      }),
    );
    const gateway = await asService('gateway', () =>
      startGateway({ config, keys, log: createLogger('gateway', config.logLevel), routes: applicationRoutes() }),
    );
    console.log(
      [
        '',
        `sanxiang is running (Ctrl-C stops it)`,
        `  gateway   ${gateway.url}   (explorer: open it in a browser)`,
        `  powers    ${powers.url}`,
        `  cases     ${cases.url}`,
        `  reviews   ${reviews.url}`,
        `  inspections ${inspections.url}   (random-inspection platform: ${platformUrl}${platform ? ', stand-in; knobs at /admin/knobs' : ''})`,
        `  databases ${['powers', 'cases', 'reviews', 'inspections'].map((n) => config.databaseName(n as 'powers')).join(', ')} on ${config.databaseUrl.replace(/:[^:@/]*@/, ':***@')}`,
        `  token     npm run token -- --demo reviewer-zhang   (or --role OFFICER --agency <id> --officer <id>)`,
        `  today     ${config.clock.today()} (business date, Beijing time${config.clock.pinned ? '; pinned by SANXIANG_TODAY' : ''})`,
        '',
      ].join('\n'),
    );
    // Issue 30: on a fresh demo, the demo supervisor runs the problem models once the inspection results are synced
    // (in the background: the services are up already; a failure only means no demo clues).
    if (freshCases) {
      const today = config.clock.today();
      void inspections.sync
        .run('START')
        .then(() => asService('demo-loader', () => seedSupervisionClues({ gatewayUrl: gateway.url, keys, from: `${today.slice(0, 4)}-01-01`, to: today })))
        .then((n) => log.info({ clues: n }, 'raised the demo supervision clues'))
        .catch((err: unknown) => log.warn({ err }, 'raising the demo supervision clues failed'));
    }
    quietStartup(false);
    log.info({ seeded }, seeded.length ? `demo data seeded: ${seeded.join(', ')}` : 'demo data already present');
    return [powers, cases, reviews, ...(platform ? [platform] : []), inspections, gateway];
  },
  // A demo: the business clock is pinned to the demo's date unless SANXIANG_TODAY is set (README: business date).
  loadConfigOrExit(pinDemoClock()),
);
