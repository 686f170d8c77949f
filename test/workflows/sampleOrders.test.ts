import type { INode } from 'n8n-workflow';
import { runWorkflow, type WorkflowJson } from '../../harness/engine';

const TYPE = 'n8n-nodes-behavioral-segments.sampleOrders';

function flow(parameters: Record<string, unknown>, extra: Partial<INode> = {}): WorkflowJson {
	return {
		nodes: [
			{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: '2', name: 'Sample Orders', type: TYPE, typeVersion: 1, position: [200, 0], parameters, ...extra } as INode,
		],
		connections: { Start: { main: [[{ node: 'Sample Orders', type: 'main' as never, index: 0 }]] } },
	};
}

describe('Sample Orders node', () => {
	test('emits the built-in order history for a fixed end date, in the workflow zone', async () => {
		const r = await runWorkflow(flow({ endDate: '2025-06-30T00:00:00' }), { timezone: 'Europe/Berlin' });
		expect(r.error).toBeUndefined();
		const items = r.output('Sample Orders');
		expect(items.length).toBe(1788);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject({
			customerId: 'C10191',
			orderId: '#1001',
			placedAt: '2023-07-02T09:02:00+02:00',
			total: 25,
			currency: 'EUR',
			status: 'paid',
			products: ['Treatment Mask'],
		});
	});

	test('Customers mode adds prospects; Only Customer picks one person (case-insensitive, by expression)', async () => {
		const customers = await runWorkflow(flow({ mode: 'customers', endDate: '2025-06-30' }), { timezone: 'Europe/Berlin' });
		expect(customers.output('Sample Orders').length).toBe(324);
		const one = await runWorkflow(
			{
				...flow({ endDate: '2025-06-30', options: { onlyCustomer: '={{ $json.body.email }}', currency: 'usd' } }),
				pinData: { Start: [{ json: { body: { email: ' LENA.fischer@example.com' } } }, { json: { body: { email: 'nobody@example.com' } } }] },
			},
			{ timezone: 'Europe/Berlin' },
		);
		const lena = one.output('Sample Orders');
		expect(lena.length).toBe(13);
		expect(lena.every((i) => i.json.currency === 'USD' && (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('a bad end date is an error naming the field, or an error item under continueOnFail', async () => {
		const r = await runWorkflow(flow({ endDate: '=not a date' }), { timezone: 'UTC' });
		expect(r.error?.message).toBe('End Date "not a date" is not a date');
		const c = await runWorkflow(flow({ endDate: '=not a date' }, { onError: 'continueRegularOutput' }), { timezone: 'UTC' });
		expect(c.output('Sample Orders').map((i) => i.json)).toEqual([{ error: 'End Date "not a date" is not a date', field: 'End Date', value: 'not a date' }]);
	});
});
