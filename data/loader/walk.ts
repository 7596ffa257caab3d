import { createHash } from 'node:crypto';
import type { Caller } from '../../kernel/identity.js';
import type { CaseService, FileCaseArgs } from '../../subgraphs/cases/case-service.js';
import { FORMAL_DOCUMENTS } from '../../subgraphs/cases/domain/documents.js';
import type { PublicationService } from '../../subgraphs/cases/publication-service.js';
import type { CaseRow, ProposalRow } from '../../subgraphs/cases/repo.js';
import { REVIEW_POINTS } from '../../subgraphs/reviews/domain/types.js';
import type { createReviewsRepo } from '../../subgraphs/reviews/repo.js';
import type { ReviewService } from '../../subgraphs/reviews/review-service.js';
import { agencyIdOf, officerIdOf } from './ids.js';
import type { Act, ActOf, CaseEntry, PartyEntry } from './schema.js';

// One case of cases.yaml walked through the real case workflow, act by act, each on its date: the services
// check every act as they would a user's, so loaded data can never be something the API would refuse.

export interface WalkEnv {
  svc: CaseService;
  /** The review workflow on the walk's clock (submission by a handler, opinion by the assigned reviewer). */
  reviews: ReviewService;
  reviewsRepo: ReturnType<typeof createReviewsRepo>;
  publications: PublicationService;
  reload(id: string): Promise<CaseRow>;
  /** Moves the walk's clock to an act's date. */
  at(date: string): void;
  /** The officer with this key acting in the scenario's agency, in their role from officers.yaml (or `role`). */
  callerOf(key: string, role?: Caller['role']): Caller;
  /** Decides the cases. */
  principal: Caller;
  /** Publishes a decision on the day it is made, where the agency publishes it. */
  publisher: Caller;
  agencyKey: string;
  avDevicePrefix: string;
}

/** Short codes for document numbers (文书编号): 〔case number〕-code-sequence, e.g. 米城管罚〔2026〕3号-告知1. */
const DOC_CODE: Record<string, string> = {
  FILING_APPROVAL: '立审',
  ON_SITE_INSPECTION_RECORD: '勘验',
  INQUIRY_RECORD: '询问',
  RIGHTS_NOTICE: '告知',
  STATEMENT_DEFENCE_RECORD: '申辩',
  HEARING_RECORD: '听证',
  HEARING_WAIVER: '弃听',
  CASE_APPROVAL: '案审',
  DECISION: '决定',
  SERVICE_RECEIPT: '送达',
  EXECUTION_RECORD: '执行',
  CLOSING_REPORT: '结案',
  PUBLICATION_NOTICE: '公告知',
};

/** A refused act: which one (its index in the case's acts, -1 for the filing) and the service's reason. */
export class ActRefused extends Error {
  constructor(
    readonly actIndex: number,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

export class CaseWalk {
  private avSeq = 0;
  private docSeq = 0;
  private lastProposal: ProposalRow | null = null;
  private lastReview: { id: string; reviewer: string } | null = null;
  private readonly officer: Caller;
  private readonly officerIds: string[];
  c!: CaseRow;

  constructor(
    private readonly env: WalkEnv,
    private readonly entry: CaseEntry,
  ) {
    // The first handling officer performs the acts.
    this.officer = env.callerOf(entry.officers[0]!, 'OFFICER');
    this.officerIds = entry.officers.map(officerIdOf);
  }

  /** Files the case and performs its acts in order; returns the case as it ends. */
  async run(party: PartyEntry): Promise<CaseRow> {
    await this.step(-1, () => this.file(party));
    for (const [i, act] of this.entry.acts.entries()) await this.step(i, () => this.perform(act));
    return this.c;
  }

  private async step(i: number, fn: () => Promise<void>) {
    try {
      await fn();
    } catch (err) {
      throw new ActRefused(i, err);
    }
  }

  private get id() {
    return this.c.id;
  }

  private async file(party: PartyEntry) {
    const e = this.entry;
    this.env.at(e.filedOn);
    const a: FileCaseArgs = {
      ...(e.caseType ? { caseType: e.caseType } : {}),
      procedure: e.procedure,
      powerItemCode: e.powerItem,
      party,
      source: { kind: e.source.kind, reference: e.source.reference ?? null },
      factsSummary: e.factsSummary,
      filedOn: e.filedOn,
      ...(e.confidentiality ? { confidentiality: e.confidentiality } : {}),
      ...(e.lateEntryReason ? { lateEntryReason: e.lateEntryReason } : {}),
      agencyId: agencyIdOf(e.agency ?? this.env.agencyKey),
      officerIds: this.officerIds,
      idempotencyKey: `seed:${e.key}`,
    };
    this.c = await this.env.svc.fileCase(this.officer, a);
  }

  /** A document number in the case's series (文书编号). */
  private docNumber(documentType: string): string {
    this.docSeq++;
    return `${this.c.caseNumber}-${DOC_CODE[documentType] ?? '文书'}${this.docSeq}`;
  }

  private perform(a: Act): Promise<void> {
    this.env.at(a.on);
    const acts: { [K in Act['act']]: (a: ActOf<K>) => Promise<void> } = {
      credentialShown: (a) => this.event({ kind: 'CREDENTIAL_SHOWN', occurredOn: a.on, officerIds: this.officerIds, location: a.location }),
      event: (a) =>
        this.event({
          kind: a.kind,
          occurredOn: a.on,
          note: a.note ?? null,
          location: a.location ?? null,
          officerIds: a.kind === 'HEARING_HELD' ? this.officerIds : null,
          // Art. 64: a waiver is the party's written statement, registered as a document.
          hearingWaiver:
            a.kind === 'HEARING_WAIVED'
              ? {
                  documentNumber: this.c.procedure === 'GENERAL' ? this.docNumber('HEARING_WAIVER') : null,
                  content: a.content ?? a.note ?? '当事人书面声明放弃听证的权利。',
                }
              : null,
        }),
      // R4: the rights notice, bound to the latest proposal (a numbered document for the general procedure).
      notify: (a) =>
        this.event({
          kind: 'RIGHTS_NOTIFIED',
          occurredOn: a.on,
          note: a.note ?? null,
          location: a.location ?? null,
          rightsNotice: {
            proposalId: this.requireProposal().id,
            documentNumber: a.documentNumber ?? (this.c.procedure === 'GENERAL' ? this.docNumber('RIGHTS_NOTICE') : null),
            content: a.content,
          },
        }),
      text: async (a) => {
        await this.env.svc.recordText(this.officer, {
          caseId: this.id,
          stage: a.stage,
          documentType: a.documentType,
          title: a.title,
          content: a.content,
          documentNumber: a.documentNumber ?? (FORMAL_DOCUMENTS.includes(a.documentType) ? this.docNumber(a.documentType) : null),
          occurredOn: a.on,
          officerIds: a.onSite ? this.officerIds : null,
          activity: a.activity ?? null,
          confidentiality: a.confidentiality ?? null,
        });
      },
      av: (a) => this.av(a),
      startInvestigation: async () => {
        this.c = await this.env.svc.startInvestigation(this.officer, this.id, this.c.version);
      },
      propose: async ({ act: _act, on: _on, ...proposal }) => {
        this.lastProposal = await this.env.svc.proposeDecision(this.officer, {
          ...(proposal as Omit<Parameters<CaseService['proposeDecision']>[1], 'caseId'>),
          caseId: this.id,
        });
      },
      submitForReview: (a) => this.submitForReview(a),
      approveReview: (a) => this.approveReview(a),
      decide: (a) => this.decide(a),
      serve: (a) => this.serve(a),
      // A fine paid at the bank (罚缴分离, Art. 67), with its receipt.
      pay: async (a) => {
        const receiptNumber = a.receiptNumber ?? `6501${a.on.replaceAll('-', '')}${String(this.c.caseSeq).padStart(4, '0')}`;
        this.c = await this.env.svc.recordFinePayment(this.officer, { caseId: this.id, amount: a.amount, paidOn: a.on, receiptNumber });
      },
      execute: async (a) => {
        this.c = await this.env.svc.execute(this.officer, { caseId: this.id, version: this.c.version, on: a.on, note: a.note });
      },
      close: async (a) => {
        this.c = await this.env.svc.close(this.officer, { caseId: this.id, version: this.c.version, on: a.on, note: a.note });
      },
      archive: async (a) => {
        this.c = await this.env.svc.archive(this.officer, { caseId: this.id, version: this.c.version, on: a.on });
      },
    };
    return (acts[a.act] as (a: Act) => Promise<void>)(a);
  }

  private async event(e: Omit<Parameters<CaseService['recordEvent']>[1], 'caseId'>) {
    this.c = await this.env.svc.recordEvent(this.officer, { caseId: this.id, ...e });
  }

  private requireProposal(): ProposalRow {
    if (!this.lastProposal) throw new Error('此前没有决定建议（propose）');
    return this.lastProposal;
  }

  /** An audio-video record (metadata + SHA-256; the media itself lives in file storage). Times are Beijing time. */
  private async av(a: ActOf<'av'>) {
    this.avSeq++;
    const startedAt = new Date(`${a.on}T${a.time}:00+08:00`);
    const durationSeconds = a.minutes * 60;
    await this.env.svc.registerAv(this.officer, {
      caseId: this.id,
      stage: a.stage,
      activity: a.activity,
      sha256: a.sha256 ?? createHash('sha256').update(`sanxiang-demo:${this.entry.key}:${a.activity}:${this.avSeq}`).digest('hex'),
      sizeBytes: durationSeconds * 1_572_864, // ≈ 12 Mbit/s body-worn camera video
      durationSeconds,
      device: a.device ?? `${this.env.avDevicePrefix}${String(this.avSeq).padStart(3, '0')}`,
      officerIds: this.officerIds,
      startedAt,
      endedAt: new Date(startedAt.getTime() + durationSeconds * 1000),
      location: a.location,
      storageUri: a.storageUri ?? `file://av/${a.on.replaceAll('-', '/')}/${this.entry.key}-${this.avSeq}.mp4`,
    });
  }

  /** R5: a handler submits the latest proposal for legal review to a qualified reviewer who is not a handler. */
  private async submitForReview(a: ActOf<'submitForReview'>) {
    const review = await this.env.reviews.submit(this.officer, {
      caseId: this.id,
      proposalId: this.requireProposal().id,
      materials: a.materials,
      handlerStatement: a.handlerStatement,
      reviewerId: officerIdOf(a.reviewer),
    });
    this.lastReview = { id: review.id, reviewer: a.reviewer };
    this.c = await this.env.reload(this.id);
  }

  /** The assigned reviewer's written opinion: every point checked, APPROVED (no automatic finding may be an issue). */
  private async approveReview(a: ActOf<'approveReview'>) {
    if (!this.lastReview) throw new Error('此前没有提交法制审核（submitForReview）');
    const reviewId = this.lastReview.id;
    const [review] = await this.env.reviewsRepo.reviewsByIds([reviewId]);
    const round = (await this.env.reviewsRepo.roundsByReviewIds([reviewId])).filter((r) => r.reviewId === reviewId).at(-1)!;
    const issues = round.automaticFindings.filter((f) => f.result === 'ISSUE');
    if (issues.length) throw new Error(`自动审核发现问题，不能批准：${issues.map((f) => `${f.point} ${f.evidence.join('；')}`).join(' | ')}`);
    await this.env.reviews.recordOpinion(this.env.callerOf(this.lastReview.reviewer), reviewId, {
      version: review!.version,
      findings: REVIEW_POINTS.map((point) => ({ point, result: 'PASS' as const })),
      conclusion: 'APPROVED',
      opinion: a.opinion,
    });
    this.c = await this.env.reload(this.id);
  }

  private async decide(a: ActOf<'decide'>) {
    this.c = await this.env.svc.decideCase(this.env.principal, {
      caseId: this.id,
      proposalId: this.requireProposal().id,
      version: this.c.version,
      decidedOn: a.on,
      partyPresent: a.partyPresent,
    });
    // Legal staff publish the decision the same day where it is to be published (R12).
    const publication = (await this.env.svc.publicationOf(this.id)) ?? null;
    if (publication?.status === 'PENDING')
      await this.env.publications.publish(this.env.publisher, { id: publication.id, version: publication.version, on: a.on });
  }

  private async serve(a: ActOf<'serve'>) {
    // 公示规定 Art. 8: a decision to be published is served with the written notice that it will be.
    const publication = await this.env.svc.publicationOf(this.id);
    const toBePublished = publication?.status === 'PENDING' || publication?.status === 'PUBLISHED';
    this.c = await this.env.svc.serve(this.officer, {
      caseId: this.id,
      version: this.c.version,
      method: a.method,
      servedOn: a.on,
      officerIds: this.officerIds,
      publicationNoticeNumber: toBePublished ? this.docNumber('PUBLICATION_NOTICE') : null,
    });
  }
}
