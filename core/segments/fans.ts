/**
 * Fans: advocates of the brand. On the list when any ticked criterion is met: a reviewer (enough reviews with a
 * high average rating), a promoter (NPS answer of 9 or 10 by default), or tagged as a fan in the CRM.
 */
import { and, count, formatNumber } from './format';
import type { ListDefinition, SegmentCustomer } from './types';

export type FanCriterion = 'reviewer' | 'promoter' | 'tagged';

export interface FansThresholds {
	[key: string]: number | string | string[];
	fanCriteria: FanCriterion[];
	fanMinReviews: number;
	fanMinAverageRating: number;
	fanMinNps: number;
	/** Comma-separated tags. */
	fanTags: string;
}

export const fans: ListDefinition<FansThresholds> = {
	id: 'fans',
	defaultName: 'Fans',
	description: 'Advocates: happy reviewers, promoters and customers tagged as fans',
	thresholds: [
		{
			name: 'fanCriteria',
			displayName: 'Fan When',
			type: 'criteria',
			options: [
				{ name: 'Promoter', value: 'promoter', description: 'Gave a high Net Promoter Score answer' },
				{ name: 'Reviewer', value: 'reviewer', description: 'Wrote enough reviews with a high average rating' },
				{ name: 'Tagged as Fan', value: 'tagged', description: 'Has one of the fan tags' },
			],
			default: ['reviewer', 'promoter', 'tagged'],
			description: 'Which criteria make a fan; meeting any one of them is enough',
		},
		{
			name: 'fanMinReviews',
			displayName: 'Reviewer From (Reviews)',
			type: 'number',
			default: 2,
			min: 1,
			description: 'How many reviews a customer must have written',
			whenCriterion: { threshold: 'fanCriteria', value: 'reviewer' },
		},
		{
			name: 'fanMinAverageRating',
			displayName: 'Reviewer From (Average Rating)',
			type: 'number',
			default: 4.5,
			min: 0,
			decimals: 1,
			description: "The average rating the customer's reviews must reach (on your rating scale, usually 1 to 5)",
			whenCriterion: { threshold: 'fanCriteria', value: 'reviewer' },
		},
		{
			name: 'fanMinNps',
			displayName: 'Promoter From (NPS Score)',
			type: 'number',
			default: 9,
			min: 0,
			max: 10,
			description: 'The Net Promoter Score answer (0 to 10) from which a customer is a promoter',
			hint: 'NPS calls 9 and 10 promoters',
			whenCriterion: { threshold: 'fanCriteria', value: 'promoter' },
		},
		{
			name: 'fanTags',
			displayName: 'Fan Tags',
			type: 'textList',
			default: 'fan, advocate, ambassador',
			placeholder: 'e.g. fan, advocate, ambassador',
			description: 'Tags that mark a fan, separated by commas (letter case is ignored)',
			whenCriterion: { threshold: 'fanCriteria', value: 'tagged' },
		},
	],
	fields: ['reviewCount', 'averageRating', 'npsScore', 'tags'],
	evaluate(c: SegmentCustomer, t: FansThresholds): string | null {
		const on = t.fanCriteria;
		let reason = '';
		if (
			c.reviewCount !== null &&
			c.reviewCount >= t.fanMinReviews &&
			c.averageRating !== null &&
			c.averageRating >= t.fanMinAverageRating &&
			on.includes('reviewer')
		) {
			reason = `reviewer: ${count(c.reviewCount, 'review')}, average rating ${formatNumber(c.averageRating, 1)}`;
		}
		if (c.npsScore !== null && c.npsScore >= t.fanMinNps && on.includes('promoter')) {
			reason = and(reason, `promoter: NPS answer ${formatNumber(c.npsScore)}`);
		}
		if (c.tags !== null && c.tags.length && on.includes('tagged')) {
			const wanted = fanTagSet(t.fanTags);
			const tag = c.tags.find((x) => wanted.has(x.toLowerCase()));
			if (tag !== undefined) reason = and(reason, `tagged "${tag}"`);
		}
		return reason || null;
	},
};

let lastTags = '';
let lastSet = new Set<string>();
/** The fan tags, lower-cased (cached: the same text is asked for on every customer). */
function fanTagSet(text: string): Set<string> {
	if (text !== lastTags) {
		lastSet = new Set(
			text
				.split(',')
				.map((s) => s.trim().toLowerCase())
				.filter(Boolean),
		);
		lastTags = text;
	}
	return lastSet;
}
