import { InputError } from '../../../core/errors';
import { getOrderSource, ORDER_SOURCES } from '../../../core/sources';
import { expectAllAccounted, rowsOf } from './helpers';

describe('order source registry', () => {
	it('lists the sources in the order users see them, with unique ids and texts', () => {
		expect(ORDER_SOURCES.map((s) => s.id)).toEqual([
			'shopifyCsv', 'shopify', 'woocommerce', 'stripeCharge', 'stripeInvoice', 'cdnow', 'orderRecord',
		]);
		expect(new Set(ORDER_SOURCES.map((s) => s.name)).size).toBe(ORDER_SOURCES.length);
		for (const s of ORDER_SOURCES) expect(s.description).toMatch(/\.$/);
		expect(getOrderSource('woocommerce').name).toBe('WooCommerce Orders (API)');
	});

	it('names the unknown source', () => {
		expect(() => getOrderSource('magento')).toThrow(InputError);
		expect(() => getOrderSource('magento')).toThrow('Source "magento" is not a known order source');
	});

	it.each(ORDER_SOURCES.map((s) => [s.id]))('%s never throws on odd items and accounts for every one', (id) => {
		const odd = [{}, { line: 5 }, { total: {} }, { id: null, customer: [] }, { Name: '#1' }, { refunds: 'x', line_items: 7 }];
		const rows = rowsOf(odd as Array<Record<string, unknown>>);
		rows.push({ json: null as unknown as Record<string, unknown> });
		const result = getOrderSource(id).read(rows, { zone: 'UTC' });
		expect(result.orders).toEqual([]);
		expectAllAccounted(result, rows.length);
		for (const e of result.errors) {
			expect(e).toBeInstanceOf(InputError);
			expect(e.field).toBeTruthy();
			expect(e.message.length).toBeGreaterThan(10);
		}
	});
});
