export { DEFAULT_TIMING_SETTINGS, checkTimingSettings, createSendPlanner } from '../../../core/timing';
export type { TimingInput, TimingSettings } from '../../../core/timing';
export interface InputErrorLike {
	message: string;
	field: string;
	value: unknown;
}
