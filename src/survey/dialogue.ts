import type { FileChange } from '../inventory/editor.js';
import type { SiteInventory } from '../inventory/model.js';
import type { Position } from '../onvif/ptz.js';
import type { Decision, DeviceDecision, SurveyCase, SurveyOverview, SurveySession } from './model.js';
import type { WalkTarget } from './walk-targets.js';

/** What the questions need to know about the inventory and the survey so far. */
export interface QuestionContext {
  sites: SiteInventory[];
  overview: SurveyOverview;
  /** Point ids taken, counting points created earlier in this survey. */
  takenIds: Set<string>;
  /** The street asked for with --street: offered first. */
  street?: string;
}

export type WalkTask = 'snapshot' | 'view' | 'preset' | 'streams';

/** One profile of a camera on the walk, against what its street asks for. */
export type StreamComparison =
  | { profile: string; status: 'absent'; has: string[] }
  | { profile: string; status: 'differs'; differences: string[] }
  | { profile: string; status: 'as-asked'; codec: string; width: number; height: number; fps: number };

/** What the survey tells the technician as it goes; the front end words it. */
export type SurveyNews =
  | { type: 'session-unreadable'; reason: string; movedTo: string }
  | { type: 'restarting' }
  | { type: 'looking' }
  /** `answers`: the decisions of a resumed survey, so the devices already answered say so. */
  | { type: 'overview'; overview: SurveyOverview; answers: DeviceDecision[] }
  | { type: 'case'; index: number; total: number; case: SurveyCase }
  | { type: 'unreachable'; pointId: string; reason: string }
  | { type: 'task-failed'; pointId: string; what: string; reason: string }
  | { type: 'snapshot'; file: string; bytes: number }
  | { type: 'reference-view'; file: string; width: number; height: number; bytes: number }
  | { type: 'position'; position: Position }
  | { type: 'preset-saved'; name: string; outcome: 'updated' | 'created' }
  /** Empty: the inventory asks for no stream settings at this point. */
  | { type: 'streams'; comparisons: StreamComparison[] }
  | { type: 'snapshots-saved'; count: number; folder: string }
  | { type: 'changes'; changes: FileChange[] };

/**
 * The person the survey talks with: its questions, and what it tells them. The CLI answers with prompts in
 * the terminal. A question the person cancels (Ctrl-C) throws SurveyInterrupted.
 */
export interface SurveyDialogue {
  /** An interrupted survey was found: continue it (true), or start a new one. */
  resume(previous: SurveySession, answers: number): Promise<boolean>;
  /** What a changed or unknown device is. `site`: where a device that is not ours is recorded. */
  identify(c: SurveyCase, ctx: QuestionContext, site: string): Promise<Decision>;
  /** Whether to look at these cameras one by one. */
  walkAll(count: number): Promise<boolean>;
  walkTasks(t: WalkTarget, canAim: boolean): Promise<WalkTask[]>;
  presetName(suggested: string): Promise<string>;
  savePresetOnCamera(name: string): Promise<boolean>;
  /** Whether to write the changes just shown. */
  write(files: number): Promise<boolean>;
  tell(news: SurveyNews): void;
}

/** The technician stopped the survey at a question. */
export class SurveyInterrupted extends Error {
  override name = 'SurveyInterrupted';
  constructor() {
    super('the survey was interrupted');
  }
}
