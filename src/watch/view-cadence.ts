import type { Observation } from '../reconcile/model.js';

/**
 * Which of a point's checks look at its view. Decoding a snapshot and comparing it is most of what a check
 * costs (README, Performance), and a fixed camera whose own analytics raise scene-change alarms, followed
 * over a live subscription, watches its view frame by frame: an alarm brings its check forward at once. So
 * such a camera's view is looked at every `everyIntervals` intervals, as a back-stop for what analytics miss
 * (a slow nudge); every other camera's at every check: no events followed, a subscription lost, a camera
 * whose events are motion alone, a PTZ camera (analytics pause while the head moves), or a point that is not
 * ok. Between looks, a check carries the last view it saw, so the state and the metrics stay whole.
 */
export class ViewCadence {
  /** Points whose scene-change alarms are followed now. */
  private readonly followed = new Set<string>();
  /** Points an alarm asked to look at, until a check has. */
  private readonly due = new Set<string>();
  private readonly last = new Map<string, { view: Observation['view']; at: number }>();
  /** A look counts as on time half an interval early: checks drift by a few milliseconds. */
  private readonly waitMs: number;

  constructor(intervalMs: number, everyIntervals: number) {
    this.waitMs = everyIntervals * intervalMs - intervalMs / 2;
  }

  /** Whether the point's scene-change alarms are followed (a subscription that announces them is open). */
  setFollowed(point: string, followed: boolean): void {
    if (followed) this.followed.add(point);
    else this.followed.delete(point);
  }

  /**
   * A subscription opened. Alarms raised since the last look, while none was open, were missed: the next
   * check looks again. A point not looked at yet (a watch starting) will be at its first check anyway.
   */
  subscribed(point: string, followed: boolean): void {
    this.setFollowed(point, followed);
    if (this.last.has(point)) this.due.add(point);
  }

  /** A tamper alarm: the next check looks, even one that starts while another runs (isDue). */
  lookSoon(point: string): void {
    this.due.add(point);
  }

  isDue(point: string): boolean {
    return this.due.has(point);
  }

  /** Whether the check starting now looks at the view; `wasOk`: the point's last state was ok. */
  wantsView(point: string, now: number, wasOk: boolean): boolean {
    const last = this.last.get(point);
    const look = this.due.has(point) || !this.followed.has(point) || !wasOk || last === undefined || now - last.at >= this.waitMs;
    if (look) this.due.delete(point);
    return look;
  }

  /**
   * The observation a check stands for: a look's view is kept; a check that did not look carries the last
   * view, while the camera answers (a camera that does not has no view, whatever it showed before).
   */
  settle(point: string, o: Observation, looked: boolean, now: number): Observation {
    if (o.state !== 'ok') return o;
    if (looked) {
      this.last.set(point, { view: o.view, at: now });
      return o;
    }
    return { ...o, view: this.last.get(point)?.view ?? null };
  }

  /** When the point's view was last looked at (ms), or null. */
  lookedAt(point: string): number | null {
    return this.last.get(point)?.at ?? null;
  }
}
