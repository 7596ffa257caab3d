/** Today's legal date in Asia/Shanghai (UTC+8, no daylight saving), whatever the host's time zone. */
export const todayInShanghai = (now = new Date()): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
