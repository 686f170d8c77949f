import { fans, type FansThresholds } from '../../../core/segments/fans';
import { customer, thresholds } from './helpers';

const t = thresholds<FansThresholds>('fans');
const check = (c: Parameters<typeof fans.evaluate>[0], th = t) => fans.evaluate(c, th);

describe('Fans', () => {
	test('defaults', () => {
		expect(t).toEqual({
			fanCriteria: ['reviewer', 'promoter', 'tagged'],
			fanMinReviews: 2,
			fanMinAverageRating: 4.5,
			fanMinNps: 9,
			fanTags: 'fan, advocate, ambassador',
		});
	});

	test('reviewer: enough reviews and a high enough average, both at the edge', () => {
		expect(check(customer({ reviewCount: 2, averageRating: 4.5 }))).toBe('reviewer: 2 reviews, average rating 4.5');
		expect(check(customer({ reviewCount: 1, averageRating: 5 }))).toBeNull();
		expect(check(customer({ reviewCount: 6, averageRating: 4.49 }))).toBeNull();
		expect(check(customer({ reviewCount: 3, averageRating: 4.666666 }))).toBe('reviewer: 3 reviews, average rating 4.7');
	});

	test('promoter: NPS 9 and 10, not 8', () => {
		expect(check(customer({ npsScore: 9 }))).toBe('promoter: NPS answer 9');
		expect(check(customer({ npsScore: 10 }))).toBe('promoter: NPS answer 10');
		expect(check(customer({ npsScore: 8 }))).toBeNull();
	});

	test('tagged: any fan tag, letter case ignored, the tag as the customer has it', () => {
		expect(check(customer({ tags: ['wholesale', 'Advocate'] }))).toBe('tagged "Advocate"');
		expect(check(customer({ tags: ['fanatic'] }))).toBeNull();
		expect(check(customer({ tags: ['Superfan'] }), thresholds<FansThresholds>('fans', { fanTags: 'superfan' }))).toBe('tagged "Superfan"');
	});

	test('several criteria are all named; a switched-off one is ignored', () => {
		expect(check(customer({ npsScore: 10, tags: ['fan'] }))).toBe('promoter: NPS answer 10; tagged "fan"');
		expect(check(customer({ npsScore: 10, tags: ['fan'] }), thresholds<FansThresholds>('fans', { fanCriteria: ['tagged'] }))).toBe('tagged "fan"');
	});
});
