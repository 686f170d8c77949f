import { count, everyDays, formatAmount, formatNumber } from '../../../core/segments/format';

test('reason formatting is locale-free', () => {
	expect(formatNumber(1234567)).toBe('1,234,567');
	expect(formatNumber(4.666, 1)).toBe('4.7');
	expect(formatNumber(10.5)).toBe('10.5');
	expect(formatAmount(1240.5)).toBe('1,240.50');
	expect(formatAmount(1000)).toBe('1,000');
	expect(formatAmount(-3.456)).toBe('-3.46');
	expect(formatAmount(99.999)).toBe('100');
	expect(count(1, 'order')).toBe('1 order');
	expect(count(2, 'order')).toBe('2 orders');
	expect(everyDays(0.4)).toBe('every day');
	expect(everyDays(29.5)).toBe('every 30 days');
});
