import { type DevEvent, type DevStage, stageAfterStep } from './steps.ts';

/**
 * The stage a case is in after its events (in date order, ties kept in recording order): the
 * stage of the last stage-changing step. A case with no application yet has no stage.
 */
export function stageOf(events: readonly Pick<DevEvent, 'step' | 'on'>[]): DevStage | null {
  let stage: DevStage | null = null;
  const ordered = [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  for (const event of ordered) stage = stageAfterStep[event.step] ?? stage;
  return stage;
}
