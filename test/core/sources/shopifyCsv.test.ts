import { join } from 'path';
import { getOrderSource } from '../../../core/sources';
import { csvToObjects, readCsvFile } from '../../../scripts/lib/csv';
import { DATA, describeWithSharedData, expectAllAccounted, rowsOf } from './helpers';

const source = getOrderSource('shopifyCsv');
const ctx = { zone: 'America/New_York' };

describeWithSharedData('Shopify order export CSV (real file)', () => {
	const rows = rowsOf(readCsvFile(join(DATA, 'orders/shopify_orders_export_devstore_forezia.csv')));
	const result = source.read(rows, ctx);

	it('groups the 40 line-item rows into 19 orders: 9 read, 10 reported for having no customer', () => {
		expect(rows).toHaveLength(40);
		expect(Object.keys(rows[0].json)).toHaveLength(79);
		expect(result.orders.map((o) => o.orderId)).toEqual([
			'#1004', '#1005', '#1008', '#1009', '#1012', '#1013', '#1014', '#1015', '#1016',
		]);
		expect(result.errors).toHaveLength(10);
		expectAllAccounted(result, 40);
	});

	it('reports every order without Email, with all its rows', () => {
		expect(result.errors.map((e) => [e.field, e.itemIndexes])).toEqual([
			['Email', [0, 1, 2, 3]],
			['Email', [4, 5]],
			['Email', [6]],
			['Email', [11, 12, 13]],
			['Email', [14]],
			['Email', [23]],
			['Email', [24, 25, 26, 27]],
			['Email', [34]],
			['Email', [35]],
			['Email', [36, 37, 38, 39]],
		]);
		expect(result.errors[2].message).toBe('Order #1003 has no customer: Email is empty and there is no customer id');
		expect(result.errors[2].value).toBe('');
	});

	it('gives the capitalised e-mail the same customer key as its lower-case twin', () => {
		const russel = result.orders.filter((o) => o.customerKey === 'russel.winfield@example.com').map((o) => o.orderId);
		expect(russel).toEqual(['#1008', '#1009', '#1016']);
		expect(rows[15].json.Email).toBe('Russel.winfield@example.com');
		const twin = source.read(
			rowsOf([{ ...rows[33].json, Name: '#2000', Email: ' russel.winfield@example.com ' }]),
			ctx,
		).orders[0];
		expect(twin.customerKey).toBe(result.orders.find((o) => o.orderId === '#1016')!.customerKey);
		expect(new Set(result.orders.map((o) => o.customerKey)).size).toBe(3);
	});

	it('reads an order exactly: quantity, products, total, date, status', () => {
		const o = result.orders.find((x) => x.orderId === '#1008')!;
		expect(o).toEqual({
			customerKey: 'russel.winfield@example.com',
			customerId: null,
			email: 'russel.winfield@example.com',
			orderId: '#1008',
			placedAt: Date.UTC(2025, 4, 13, 19, 44, 12),
			zone: null,
			total: 189.8,
			currency: 'EUR',
			discountAmount: 0,
			couponCodes: [],
			status: 'paid',
			refundedAmount: 0,
			quantity: 4,
			products: ['Gift Card - $10', 'Gift Card - $25', 'Gift Card - $50', 'Gift Card - $100'],
			sourceItem: 15,
			sourceItems: [15, 16, 17, 18],
		});
		const pending = result.orders.find((x) => x.orderId === '#1013')!;
		expect([pending.status, pending.total, pending.quantity, pending.customerKey]).toEqual([
			'pending', 127.59, 2, 'karine.ruby@example.com',
		]);
	});
});

// A hand-written export in the 2022 layout (fewer columns, other order), lines out of order, with a note spanning lines.
const CSV = [
	'Name,Email,Financial Status,Currency,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Note Attributes,Refunded Amount,Cancelled at',
	'#1,Ann@Shop.com ,paid,eur,50.00,WELCOME10,5.00,2022-03-01 10:00:00 +0100,2,Socks,"created_at: 2022\nmc_cid: 63c528caa1",0.00,',
	'#2,ann@shop.com,partially_refunded,EUR,80.00,,0.00,2022-03-02 10:00:00 +0100,1,Hat,,30.00,',
	'#1,,,,,,,2022-03-01 10:00:00 +0100,1,"Scarf ""Deluxe""",,,',
	'#3,bob@shop.com,authorized,EUR,10.00,"A, B",1.00,2022-03-03 10:00:00 +0100,1,Pin,,,',
	'#4,bob@shop.com,voided,EUR,10.00,,,2022-03-04 10:00:00 +0100,1,Pin,,,',
	'#5,bob@shop.com,paid,EUR,10.00,,,2022-03-05 10:00:00 +0100,1,Pin,,,2022-03-06 09:00:00 +0100',
	'#6,cy@shop.com,paid,EUR,abc,,,2022-03-05 10:00:00 +0100,1,Pin,,,',
	'#7,cy@shop.com,paid,EUR,-4.00,,,2022-03-05 10:00:00 +0100,1,Pin,,,',
	'#8,cy@shop.com,paid,EUR,4.00,,,yesterday,1,Pin,,,',
	'#9,cy@shop.com,paid,EUR,4.00,,,2022-03-05 10:00:00 +0100,two,Pin,,,',
	',cy@shop.com,paid,EUR,4.00,,,2022-03-05 10:00:00 +0100,1,Pin,,,',
	'#10,cy@shop.com,shipped,EUR,4.00,,,2022-03-05 10:00:00 +0100,1,Pin,,,',
].join('\r\n');

describe('Shopify order export CSV (hand-made, other layout)', () => {
	const rows = rowsOf(csvToObjects(CSV));
	const result = source.read(rows, { zone: 'Europe/Berlin' });
	const byId = new Map(result.orders.map((o) => [o.orderId, o]));

	it('maps columns by name and groups rows that are not next to each other', () => {
		expect(rows).toHaveLength(12);
		expect(result.orders.map((o) => o.orderId)).toEqual(['#1', '#2', '#3', '#4', '#5']);
		expect(byId.get('#1')).toMatchObject({
			customerKey: 'ann@shop.com',
			currency: 'EUR',
			total: 50,
			discountAmount: 5,
			couponCodes: ['WELCOME10'],
			quantity: 3,
			products: ['Socks', 'Scarf "Deluxe"'],
			sourceItem: 0,
			sourceItems: [0, 2],
			placedAt: Date.UTC(2022, 2, 1, 9),
		});
		expect(byId.get('#2')!.customerKey).toBe('ann@shop.com');
		expectAllAccounted(result, 12);
	});

	it('maps Financial Status and Cancelled at to the order status', () => {
		expect(result.orders.map((o) => o.status)).toEqual(['paid', 'partially_refunded', 'pending', 'cancelled', 'cancelled']);
		expect(byId.get('#2')!.refundedAmount).toBe(30);
		expect(byId.get('#3')!.couponCodes).toEqual(['A', 'B']);
	});

	it('reports each bad order with field, value and its rows', () => {
		expect(result.errors.map((e) => [e.message, e.field, e.value, e.itemIndexes])).toEqual([
			['Name "" is empty', 'Name', '', [10]],
			['Order #6: Total "abc" is not a number', 'Total', 'abc', [6]],
			['Order #7: Total "-4.00" must not be negative', 'Total', '-4.00', [7]],
			['Order #8: Created at "yesterday" is not a date', 'Created at', 'yesterday', [8]],
			['Order #9: Lineitem quantity "two" is not a number', 'Lineitem quantity', 'two', [9]],
			['Order #10: Financial Status "shipped" is not a known order status', 'Financial Status', 'shipped', [11]],
		]);
		expect(result.errors[1].hint).toMatch(/plain number/);
	});

	it('reads a header with a byte-order mark and the day-first format the user sets', () => {
		const r = source.read(
			rowsOf([{ '\ufeffName': '#1', Email: 'a@b.c', 'Financial Status': 'paid', Total: '1', 'Created at': '29-06-2020' }]),
			{ zone: 'UTC', dateFormat: 'dd-MM-yyyy' },
		);
		expect(r.errors).toEqual([]);
		expect(r.orders[0].placedAt).toBe(Date.UTC(2020, 5, 29));
	});
});
