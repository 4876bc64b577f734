import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { BADGES } from '../report/badge.js';
import type { PointStatus } from './point-status.js';

export interface PointLabels {
  site: string;
  street: string;
  point: string;
}

/**
 * The watch's Prometheus metrics, one series per point (and per state for camfleet_camera_state), in a
 * registry of its own: a fleet of N points keeps a fixed number of series, however long it runs.
 */
export class WatchMetrics {
  readonly registry = new Registry();
  private readonly up = new Gauge({
    name: 'camfleet_camera_up',
    help: 'Whether the camera answers ONVIF with its credentials (1) or not (0)',
    labelNames: ['site', 'street', 'point'],
    registers: [this.registry],
  });
  private readonly state = new Gauge({
    name: 'camfleet_camera_state',
    help: 'The point state, as the field report badges it: 1 for the current state, 0 for the others',
    labelNames: ['site', 'street', 'point', 'state'],
    registers: [this.registry],
  });
  private readonly viewScore = new Gauge({
    name: 'camfleet_view_score',
    help: 'Structure score of the view against its reference (1 identical, below 0.55 turned)',
    labelNames: ['site', 'street', 'point'],
    registers: [this.registry],
  });
  private readonly viewLookedAt = new Gauge({
    name: 'camfleet_view_checked_timestamp_seconds',
    help: 'When the view was last compared with its reference (Unix time): a fixed camera whose scene-change alarms are followed is looked at less often',
    labelNames: ['site', 'street', 'point'],
    registers: [this.registry],
  });
  private readonly skew = new Gauge({
    name: 'camfleet_clock_skew_seconds',
    help: 'Camera clock minus this host clock',
    labelNames: ['site', 'street', 'point'],
    registers: [this.registry],
  });
  private readonly retention = new Gauge({
    name: 'camfleet_recording_retention_days',
    help: 'Days of footage the camera keeps (Profile G)',
    labelNames: ['site', 'street', 'point'],
    registers: [this.registry],
  });
  private readonly tamper = new Counter({
    name: 'camfleet_tamper_events_total',
    help: 'Tamper events the camera raised (ONVIF events), by topic',
    labelNames: ['site', 'street', 'point', 'topic'],
    registers: [this.registry],
  });
  private readonly motion = new Counter({
    name: 'camfleet_motion_events_total',
    help: 'Motion events the camera raised (ONVIF events)',
    labelNames: ['site', 'street', 'point'],
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'camfleet_check_duration_seconds',
    help: 'How long one check of one camera took',
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'camfleet_check_errors_total',
    help: 'Checks that could not be completed, or whose reads failed',
    labelNames: ['site', 'street', 'point'],
    registers: [this.registry],
  });
  private readonly subscriptions = new Gauge({
    name: 'camfleet_event_subscriptions',
    help: 'Open ONVIF event subscriptions (PullPoint)',
    registers: [this.registry],
  });

  /** Sets a point's series from its latest status; a value the check did not get is removed, not kept stale. */
  record(labels: PointLabels, s: PointStatus, seconds: number): void {
    this.up.set(labels, s.up ? 1 : 0);
    for (const badge of BADGES) this.state.set({ ...labels, state: badge }, s.badge === badge ? 1 : 0);
    this.optional(this.viewScore, labels, s.viewScore);
    this.optional(this.skew, labels, s.skewSeconds);
    this.optional(this.retention, labels, s.recordingDays);
    this.duration.observe(seconds);
    if (s.failedReads > 0) this.errors.inc(labels);
  }

  viewLooked(labels: PointLabels, unixSeconds: number): void {
    this.viewLookedAt.set({ ...labels }, unixSeconds);
  }

  checkFailed(labels: PointLabels): void {
    this.errors.inc(labels);
  }

  tamperEvent(labels: PointLabels, topic: string): void {
    this.tamper.inc({ ...labels, topic });
  }

  motionEvent(labels: PointLabels): void {
    this.motion.inc(labels);
  }

  setSubscriptions(n: number): void {
    this.subscriptions.set(n);
  }

  private optional(gauge: Gauge, labels: PointLabels, value: number | null): void {
    if (value === null) gauge.remove({ ...labels });
    else gauge.set({ ...labels }, value);
  }
}
