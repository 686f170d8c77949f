import { InputError } from '../../../core/errors';
import { BUILT_IN_LISTS, defaultListEntries, fieldsRead, listNames, planLists } from '../../../core/segments';

describe('planning the lists', () => {
	test('the default lists, in order, with their keys and names', () => {
		const plan = planLists(defaultListEntries());
		expect(plan.map((l) => [l.key, l.name])).toEqual([
			['vips', 'VIPs'],
			['fans', 'Fans'],
			['repeatBuyers', 'Repeat Buyers'],
			['couponUsers', 'Coupon Users'],
			['customers', 'Customers'],
			['prospects', 'Prospects'],
		]);
		expect(BUILT_IN_LISTS).toHaveLength(6);
	});

	test('renamed lists keep their key; disabled lists are left out; keys are unique', () => {
		const plan = planLists([
			{ type: 'couponUsers', name: '  Bargain Hunters ' },
			{ type: 'vips', enabled: false },
			{ type: 'vips', name: 'Big Spenders', thresholds: { vipCriteria: ['bigSpender'] } },
			{ type: 'vips', name: 'Bulk' },
			{ type: 'custom', name: 'Gmail' },
			{ type: 'custom' },
			{ type: 'custom' },
		]);
		expect(plan.map((l) => [l.entryIndex, l.key, l.name])).toEqual([
			[0, 'couponUsers', 'Bargain Hunters'],
			[2, 'vips', 'Big Spenders'],
			[3, 'vips2', 'Bulk'],
			[4, 'Gmail', 'Gmail'],
			[5, 'Custom List', 'Custom List'],
			[6, 'Custom List 2', 'Custom List 2'],
		]);
		expect(listNames([{ type: 'custom' }, { type: 'fans' }, { type: 'custom' }])).toEqual(['Custom List', 'Fans', 'Custom List 2']);
	});

	test('thresholds: numeric text accepted, empty takes the default', () => {
		const [l] = planLists([{ type: 'couponUsers', thresholds: { couponMinSharePercent: '75', couponMinOrders: '' } }]);
		expect(l.thresholds).toEqual({ couponMinSharePercent: 75, couponMinOrders: 2 });
	});

	test('a bad threshold is an error naming the list, the threshold and the value', () => {
		const attempt = (thresholds: Record<string, unknown>) => () =>
			planLists([{ type: 'couponUsers', name: 'Bargain Hunters', thresholds }]);
		expect(attempt({ couponMinSharePercent: 150 })).toThrow(
			'Bargain Hunters: Minimum Discounted Share (%) must be 100 or less, got 150',
		);
		expect(attempt({ couponMinOrders: 'two' })).toThrow('Bargain Hunters: Minimum Orders must be a number, got "two"');
		expect(() => planLists([{ type: 'vips', thresholds: { vipCriteria: ['rich'] } }])).toThrow(
			'VIPs: VIP When can only hold Big Spender, Bulk Buyer, Feedback Giver, Loyal Customer, Referrer, got ["rich"]',
		);
		expect(() => planLists([{ type: 'whales' }])).toThrow(InputError);
	});

	test('only the fields the enabled lists need are read', () => {
		expect(fieldsRead(planLists([{ type: 'couponUsers' }, { type: 'prospects' }])).sort()).toEqual([
			'discountedOrders',
			'discountedShare',
			'orderCount',
			'purchaseDays',
		]);
	});
});
