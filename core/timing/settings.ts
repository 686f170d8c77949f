/**
 * Send Timing settings: what the node's parameters say, checked once with zod into the form the planner uses.
 * A bad setting is an InputError naming the parameter as the editor shows it and the value.
 */
import { z } from 'zod';
import { InputError, showValue } from '../errors';
import { clockOf } from './wallTime';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The settings as the node reads them from its parameters. */
export interface TimingSettings {
	/** own: their own rhythm once they have enough gaps; fixed: list or fixed cycle for all; predicted: the Customer Lifetime date. */
	cycleSource: 'own' | 'fixed' | 'predicted';
	/** Gaps between purchase days needed before a customer's own rhythm is used. */
	minGaps: number;
	fixedCycleDays: number;
	/** Per-list cycles, first matching row wins: list display name or key, case-insensitive. */
	listCycles: Array<{ list: string; days: number }>;
	leadDays: number;
	/** 0 = no limit. */
	maxSilenceDays: number;
	/** 0 = no cap. */
	frequencyCapHours: number;
	sendTimeMode: 'fixed' | 'engaged';
	/** "HH:mm" */
	sendTime: string;
	minEngagements: number;
	/** "HH:mm-HH:mm", or "" for none. */
	quietHours: string;
	weekdays: Weekday[];
	prospectRule: 'welcome' | 'now';
	welcomeDays: number;
	/** Zone for customers without one (the workflow's). */
	defaultZone: string;
	/** Explicit luxon format for day-first date strings, e.g. "dd.MM.yyyy". */
	dateFormat?: string;
}

/** The checked settings, in minutes and flags. */
export interface TimingConfig extends TimingSettings {
	sendMinute: number;
	quiet: { start: number; end: number } | null;
	/** Indexed by ISO weekday 1..7. */
	allowedDays: boolean[];
	listRows: Array<{ list: string; match: string; days: number }>;
}

/** Parameter names as the editor shows them, for messages. */
export const SETTING_LABELS: Record<keyof TimingSettings, string> = {
	cycleSource: 'Cycle Source',
	minGaps: 'Minimum Gaps for Own Cycle',
	fixedCycleDays: 'Fixed Cycle (Days)',
	listCycles: 'List Cycles',
	leadDays: 'Lead Time (Days)',
	maxSilenceDays: 'Max Silence (Days)',
	frequencyCapHours: 'Frequency Cap (Hours)',
	sendTimeMode: 'Send Time Mode',
	sendTime: 'Send Time',
	minEngagements: 'Minimum Opens and Clicks',
	quietHours: 'Quiet Hours',
	weekdays: 'Sending Days',
	prospectRule: 'Prospects',
	welcomeDays: 'Welcome Interval (Days)',
	defaultZone: 'Workflow Time Zone',
	dateFormat: 'Date Format',
};

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const wholeDays = (min: number, what: string) =>
	z
		.number({ invalid_type_error: `${what} must be a number` })
		.int(`${what} must be a whole number of days`)
		.superRefine((n, ctx) => {
			if (n < 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${what} cannot be negative` });
			else if (n < min) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${what} must be at least ${min} day` });
		});

const schema = z.object({
	cycleSource: z.enum(['own', 'fixed', 'predicted']),
	minGaps: z.number().int('must be a whole number').min(1, 'must be at least 1'),
	fixedCycleDays: wholeDays(1, 'A cycle'),
	listCycles: z.array(
		z.object({
			list: z.string().trim().min(1, 'each row needs a list name or key, e.g. Repeat Buyers'),
			days: wholeDays(1, 'A list cycle'),
		}),
	),
	leadDays: wholeDays(0, 'The lead time'),
	maxSilenceDays: wholeDays(0, 'The maximum silence'),
	frequencyCapHours: z.number().min(0, 'The frequency cap cannot be negative').finite(),
	sendTimeMode: z.enum(['fixed', 'engaged']),
	sendTime: z.string().trim().regex(TIME, 'use a 24-hour time such as 10:00'),
	minEngagements: z.number().int('must be a whole number').min(1, 'must be at least 1'),
	quietHours: z
		.string()
		.trim()
		.refine((s) => s === '' || /^\S+\s*-\s*\S+$/.test(s), 'use two 24-hour times such as 21:00-08:00, or leave it empty'),
	weekdays: z.array(z.enum(WEEKDAYS)).min(1, 'pick at least one day'),
	prospectRule: z.enum(['welcome', 'now']),
	welcomeDays: wholeDays(0, 'The welcome interval'),
	defaultZone: z.string().refine((s) => clockOf(s) !== null, 'is not an IANA time zone such as "Europe/Berlin"'),
	dateFormat: z.string().optional(),
});

function minuteOf(s: string, label: string, value: unknown): number {
	const m = TIME.exec(s.trim());
	if (!m) throw new InputError(`${label} ${showValue(value)} is not a time: use a 24-hour time such as 21:00`, label, value);
	return +m[1] * 60 + +m[2];
}

/** Checks the settings; throws InputError naming the parameter and its value. */
export function checkTimingSettings(settings: TimingSettings): TimingConfig {
	const parsed = schema.safeParse(settings);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const key = issue.path[0] as keyof TimingSettings;
		const label = SETTING_LABELS[key] ?? String(key);
		let value: unknown = settings[key];
		for (const p of issue.path.slice(1)) value = (value as Record<string | number, unknown> | undefined)?.[p];
		throw new InputError(`${label} ${showValue(value)}: ${issue.message}`, label, value);
	}
	const s = parsed.data;
	let quiet: TimingConfig['quiet'] = null;
	if (s.quietHours !== '') {
		const [a, b] = s.quietHours.split('-');
		quiet = { start: minuteOf(a, SETTING_LABELS.quietHours, settings.quietHours), end: minuteOf(b, SETTING_LABELS.quietHours, settings.quietHours) };
		if (quiet.start === quiet.end) {
			throw new InputError(
				`Quiet Hours ${showValue(settings.quietHours)} start and end at the same time`,
				SETTING_LABELS.quietHours,
				settings.quietHours,
				'Use two different times such as 21:00-08:00, or leave it empty for no quiet hours',
			);
		}
	}
	const allowedDays = Array<boolean>(8).fill(false);
	for (const d of s.weekdays) allowedDays[WEEKDAYS.indexOf(d) + 1] = true;
	return {
		...s,
		dateFormat: s.dateFormat?.trim() || undefined,
		sendMinute: minuteOf(s.sendTime, SETTING_LABELS.sendTime, settings.sendTime),
		quiet,
		allowedDays,
		listRows: s.listCycles.map((r) => ({ list: r.list, match: r.list.trim().toLowerCase(), days: r.days })),
	};
}

/** The defaults the node's parameters start with. */
export const DEFAULT_TIMING_SETTINGS: TimingSettings = {
	cycleSource: 'own',
	minGaps: 2,
	fixedCycleDays: 30,
	listCycles: [],
	leadDays: 3,
	maxSilenceDays: 45,
	frequencyCapHours: 16,
	sendTimeMode: 'fixed',
	sendTime: '10:00',
	minEngagements: 5,
	quietHours: '21:00-08:00',
	weekdays: [...WEEKDAYS],
	prospectRule: 'welcome',
	welcomeDays: 3,
	defaultZone: 'UTC',
};
