import type { DataFile } from '../../kernel/data-file.js';
import { parseParty } from '../../subgraphs/cases/domain/party.js';
import { agencyIdOf } from './ids.js';
import type { PowerItemContent } from '../../subgraphs/powers/domain/types.js';
import type { PowersData } from './read-powers.js';
import { casesFile, reviewsFile, type CasesFile, type ReviewSubmission } from './schema.js';

// cases.yaml (the scenario) and reviews.yaml, checked before anything is written: parties by the case
// workflow's own party check, every name (agency, officer, party, power item, case) against the data. The acts
// themselves are checked by the case workflow as they are performed; a refusal there undoes the whole load.

export type Scenario = CasesFile;

/**
 * `refs`: whether the powers files read clean, so a name missing from them is this file's fault (otherwise an
 * entry left out for its own fault would be reported again here, for every case naming it).
 */
export function readCases(f: DataFile, powers: PowersData, today: string | null, refs: boolean): Scenario | null {
  const file = f.shape(casesFile);
  if (!file) return null;
  const agency = powers.agencies.find((a) => a.key === file.agency);
  if (!agency && refs) f.problem(['agency'], `执法主体 ${file.agency} 不在 agencies.yaml 中`);
  const officer = (key: string) => powers.officers.find((o) => o.key === key);
  const staff = (path: (string | number)[], key: string, what: string, of = file.agency) => {
    const o = officer(key);
    if (!o) {
      if (refs) f.problem(path, `执法人员 ${key} 不在 officers.yaml 中`);
    } else if (o.agency !== of) f.problem(path, `${what} ${key} 不属于执法主体 ${of}`);
  };
  staff(['principal'], file.principal, '负责人');
  staff(['publisher'], file.publisher, '公示人员');
  const keys = new Set<string>();
  file.cases.forEach((c, i) => {
    const at = (...p: (string | number)[]) => ['cases', i, ...p];
    if (keys.has(c.key)) f.problem(at('key'), `案件键 ${c.key} 重复`);
    keys.add(c.key);
    const party = file.parties[c.party];
    if (!party) f.problem(at('party'), `当事人 ${c.party} 不在 parties 中`);
    // The case workflow's party check (identifiers, kinds), on the filing date as when filing.
    else f.check(['parties', c.party], () => parseParty(party, c.filedOn), { party: '' });
    const item = powers.documents.find((d) => d.kind === 'POWER_ITEM' && d.code === c.powerItem);
    if (!item || item.status !== 'PUBLISHED') {
      if (refs) f.problem(at('powerItem'), `权力事项 ${c.powerItem} 不存在或尚未公示`);
    } else if (party && (item.versions.at(-1) as PowerItemContent).partyKinds.length) {
      const kinds = (item.versions.at(-1) as PowerItemContent).partyKinds;
      if (!kinds.includes(party.kind)) f.problem(at('party'), `权力事项 ${c.powerItem} 仅适用于 ${kinds.join('、')}，当事人类型 ${party.kind} 不适用`);
    }
    // A case of another agency only as the file's agency's entrusted organisation, which it decides (Art. 20).
    const handling = c.agency ?? file.agency;
    if (c.agency && c.agency !== file.agency) {
      const a = powers.agencies.find((x) => x.key === c.agency);
      if (!a) {
        if (refs) f.problem(at('agency'), `执法主体 ${c.agency} 不在 agencies.yaml 中`);
      } else if (a.kind !== 'ENTRUSTED' || a.entrustment?.entrustingAgencyId !== agencyIdOf(file.agency)) {
        f.problem(at('agency'), `${c.agency} 不是受 ${file.agency} 委托的组织：本文件的案件由 ${file.agency} 决定（行政处罚法第二十条）`);
      }
    }
    c.officers.forEach((o, j) => staff(at('officers', j), o, '承办人', handling));
    if (today && c.filedOn > today) f.problem(at('filedOn'), `立案日期 ${c.filedOn} 晚于数据的当日 ${today}`);
    c.acts.forEach((a, j) => {
      if (today && a.on > today) f.problem(at('acts', j, 'on'), `日期 ${a.on} 晚于数据的当日 ${today}`);
      if (a.on < c.filedOn) f.problem(at('acts', j, 'on'), `日期 ${a.on} 早于立案日期 ${c.filedOn}`);
      if (a.act === 'submitForReview') {
        staff(at('acts', j, 'reviewer'), a.reviewer, '法制审核人员');
        if (c.officers.includes(a.reviewer)) f.problem(at('acts', j, 'reviewer'), `${a.reviewer} 是本案承办人，不能审核本案`);
      }
    });
  });
  return file;
}

/** `scenario` undefined: cases.yaml could not be read, so its cases are not known (said there, not again here). */
export function readReviews(f: DataFile, powers: PowersData, scenario: Scenario | null | undefined, refs: boolean): ReviewSubmission[] {
  const file = f.shape(reviewsFile);
  if (!file) return [];
  file.submissions.forEach((s, i) => {
    const c = scenario?.cases.find((x) => x.key === s.case);
    if (!c && scenario !== undefined) f.problem(['submissions', i, 'case'], `案件 ${s.case} 不在 cases.yaml 中`);
    if (!powers.officers.some((o) => o.key === s.reviewer)) {
      if (refs) f.problem(['submissions', i, 'reviewer'], `执法人员 ${s.reviewer} 不在 officers.yaml 中`);
    } else if (c?.officers.includes(s.reviewer)) f.problem(['submissions', i, 'reviewer'], `${s.reviewer} 是本案承办人，不能审核本案`);
  });
  return file.submissions;
}
