import { badInput } from '../../../kernel/errors.js';

// R2 (issue 26): on-site activities are named by codes from an enumerated, published list — the agency's audio-video
// recording list (音像记录事项清单, published like every ex-ante list after legal approval, R1). A free string such as
// SAMPLING is not an activity the agency has published; and every listed activity is done on site by at least two
// officers with valid credentials (行政处罚法 Art. 42, 55; 行政强制法 Art. 18), except the few that are not acts
// of investigating officers at all. Pure: no database, no clock.

/** Listed activities that are not on-site acts by investigating officers: a hearing is presided by a host who did not investigate (Art. 64(4)). */
export const NOT_ON_SITE_ACTIVITIES: readonly string[] = ['HEARING'];

/**
 * An activity code on a record must be on the published list of the agency the case acts for; the answer says
 * whether the record must name the officers present (R2). No activity: nothing to check here.
 */
export function checkActivity(activity: string | null | undefined, published: readonly string[], field = 'activity'): { onSite: boolean } {
  if (activity == null || activity === '') return { onSite: false };
  if (!published.includes(activity)) {
    throw badInput(
      field,
      `活动代码 ${activity} 不在本机关公布的音像记录事项清单（执法活动清单）内（${published.join('、') || '清单为空'}）；现场执法活动只能按已公布的清单记录（R2）`,
    );
  }
  return { onSite: !NOT_ON_SITE_ACTIVITIES.includes(activity) };
}
